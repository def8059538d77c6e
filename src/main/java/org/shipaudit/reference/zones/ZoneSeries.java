package org.shipaudit.reference.zones;

import java.util.List;
import java.util.Map;
import org.shipaudit.model.lookup.ServiceCatalog;

/**
 * Which of a chart's zone series a service is billed by, per carrier, for our service codes ({@link ServiceCatalog}).
 * UPS Zone Advisor prints one column per service; our SECOND_DAY_AIR covers both 2nd Day Air (zones 202-208) and
 * 2nd Day Air A.M. (242-248), so it names both columns and a billed zone is judged against each. FedEx prints one
 * Express and one Ground column: every FedEx Express service is zoned by the first, Ground and Home Delivery by the
 * second (FedEx Service Guide 2026, "Zones"). A service not named here has no zone series (UPS Ground Saver,
 * international services): the chart says nothing of it.
 */
final class ZoneSeries {

    private static final Map<String, Map<String, List<String>>> SERIES = Map.of(
            "UPS", Map.of(
                    "GROUND", List.of("ground"),
                    "THREE_DAY", List.of("3day"),
                    "SECOND_DAY_AIR", List.of("2day", "2day_am"),
                    "NEXT_DAY_AIR_SAVER", List.of("nda_saver"),
                    "NEXT_DAY_AIR", List.of("nda")),
            "FEDEX", Map.of(
                    "GROUND", List.of("fedex_ground_zone"),
                    "HOME_DELIVERY", List.of("fedex_ground_zone"),
                    "PRIORITY_OVERNIGHT", List.of("fedex_express_zone"),
                    "STANDARD_OVERNIGHT", List.of("fedex_express_zone"),
                    "FIRST_OVERNIGHT", List.of("fedex_express_zone"),
                    "SECOND_DAY_AIR", List.of("fedex_express_zone"),
                    "EXPRESS_SAVER", List.of("fedex_express_zone")));

    private ZoneSeries() {
    }

    /** The chart's series indexes for a carrier's service, empty when it has none. */
    static List<Integer> of(ZoneChart chart, String service) {
        if (service == null) {
            return List.of();
        }
        List<String> names = SERIES.getOrDefault(chart.carrier(), Map.of())
                .getOrDefault(ServiceCatalog.canonical(service), List.of());
        return names.stream().map(chart.series()::indexOf).filter(i -> i >= 0).toList();
    }
}
