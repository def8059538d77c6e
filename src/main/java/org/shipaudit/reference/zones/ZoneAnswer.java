package org.shipaudit.reference.zones;

import java.util.List;

/**
 * A zone chart's answer for a carrier, service, origin and destination on a day.
 *
 * @param zones the zones the chart gives (status {@link ZoneStatus#ZONE}): one for most services; more where our
 *              service code covers several of the carrier's zone series (UPS 2nd Day Air and 2nd Day Air A.M., zones
 *              202 and 242), so a billed zone is judged against each; empty otherwise
 * @param chart the chart and its dates ("ups_zone_chart_origin3_dest3_2026, 2025-12-22 to open"), or what was looked
 *              for and not found
 */
public record ZoneAnswer(ZoneStatus status, List<String> zones, String chart) {

    public ZoneAnswer {
        zones = List.copyOf(zones);
    }

    static ZoneAnswer none(ZoneStatus status, String why) {
        return new ZoneAnswer(status, List.of(), why);
    }

    /** The one zone the chart gives, null when it gives none or several (then the service's series is ambiguous). */
    public String zone() {
        return status == ZoneStatus.ZONE && zones.size() == 1 ? zones.get(0) : null;
    }

    /** True when the chart gives zones and the billed one (leading zeros ignored) is one of them. */
    public boolean allows(String billed) {
        return status == ZoneStatus.ZONE && zones.contains(Zones.plain(billed));
    }
}
