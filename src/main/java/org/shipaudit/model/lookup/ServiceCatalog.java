package org.shipaudit.model.lookup;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.shipaudit.model.TransportMode;

/**
 * Canonical service codes of the contract, the mode each implies, and the carrier-specific names accepted for them.
 * A service not listed passes through upper-cased with mode UNKNOWN, so unknown carriers still get generic checks.
 */
public final class ServiceCatalog {

    private static final Map<String, TransportMode> MODES = new HashMap<>();
    private static final Map<String, String> ALIASES = new HashMap<>();

    static {
        for (String ground : new String[] {"GROUND", "GROUND_SAVER", "HOME_DELIVERY", "GROUND_ADVANTAGE", "LTL"}) {
            MODES.put(ground, TransportMode.GROUND);
        }
        // THREE_DAY is counted as air: UPS 3 Day Select and FedEx Express Saver may fly, and hazmat rules must
        // assume the stricter mode when the carrier may choose.
        for (String air : new String[] {"THREE_DAY", "SECOND_DAY_AIR", "NEXT_DAY_AIR", "NEXT_DAY_AIR_SAVER",
                "EXPRESS_SAVER", "PRIORITY_OVERNIGHT", "STANDARD_OVERNIGHT", "PRIORITY_MAIL", "PRIORITY_MAIL_EXPRESS",
                "FIRST_CLASS_INTERNATIONAL", "PRIORITY_MAIL_INTERNATIONAL", "EXPRESS_WORLDWIDE", "WORLDWIDE_EXPRESS",
                "WORLDWIDE_SAVER", "INTERNATIONAL_ECONOMY", "INTERNATIONAL_PRIORITY"}) {
            MODES.put(air, TransportMode.AIR);
        }
        alias("THREE_DAY", "3_DAY_SELECT", "UPS_3_DAY_SELECT", "3DAY");
        // Carriers' invoice names as well as API codes: UPS billing data writes "2nd Day Air", FedEx "FedEx 2Day".
        alias("SECOND_DAY_AIR", "2ND_DAY_AIR", "UPS_2ND_DAY_AIR", "FEDEX_2_DAY", "2_DAY", "2DAY", "FEDEX_2DAY",
                "FEDEX_2DAY_AM", "FEDEX_2DAY_A.M.", "2ND_DAY_AIR_A.M.", "UPS_2ND_DAY_AIR_A.M.");
        alias("NEXT_DAY_AIR", "UPS_NEXT_DAY_AIR", "NDA", "NEXT_DAY_AIR_EARLY", "UPS_NEXT_DAY_AIR_EARLY",
                "NEXT_DAY_AIR_EARLY_A.M.");
        alias("NEXT_DAY_AIR_SAVER", "UPS_NEXT_DAY_AIR_SAVER");
        alias("GROUND", "UPS_GROUND", "FEDEX_GROUND", "GROUND_RESIDENTIAL", "GROUND_COMMERCIAL", "FEDEX_GROUND_RESIDENTIAL");
        alias("GROUND_SAVER", "UPS_GROUND_SAVER", "SUREPOST", "UPS_SUREPOST");
        alias("HOME_DELIVERY", "FEDEX_HOME_DELIVERY", "GROUND_HOME_DELIVERY", "FEDEX_GROUND_HOME_DELIVERY");
        alias("EXPRESS_SAVER", "FEDEX_EXPRESS_SAVER");
        alias("PRIORITY_OVERNIGHT", "FEDEX_PRIORITY_OVERNIGHT");
        alias("STANDARD_OVERNIGHT", "FEDEX_STANDARD_OVERNIGHT");
        alias("GROUND_ADVANTAGE", "USPS_GROUND_ADVANTAGE");
        alias("PRIORITY_MAIL_EXPRESS", "EXPRESS_MAIL");
        alias("WORLDWIDE_EXPRESS", "UPS_WORLDWIDE_EXPRESS");
        alias("WORLDWIDE_SAVER", "UPS_WORLDWIDE_SAVER");
        alias("EXPRESS_WORLDWIDE", "DHL_EXPRESS_WORLDWIDE");
        alias("INTERNATIONAL_PRIORITY", "FEDEX_INTERNATIONAL_PRIORITY", "INTERNATIONAL_PRIORITY_EXPRESS");
        alias("INTERNATIONAL_ECONOMY", "FEDEX_INTERNATIONAL_ECONOMY");
    }

    private ServiceCatalog() {
    }

    private static void alias(String canonical, String... names) {
        for (String name : names) {
            ALIASES.put(name, canonical);
        }
    }

    /** The canonical code for a service name or alias: upper case, spaces and hyphens as underscores. */
    public static String canonical(String service) {
        if (service == null) {
            return null;
        }
        String key = service.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s\\-]+", "_");
        return ALIASES.getOrDefault(key, key);
    }

    public static boolean isKnown(String canonicalService) {
        return MODES.containsKey(canonicalService);
    }

    public static TransportMode mode(String canonicalService) {
        return MODES.getOrDefault(canonicalService, TransportMode.UNKNOWN);
    }
}
