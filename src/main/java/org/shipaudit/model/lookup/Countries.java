package org.shipaudit.model.lookup;

import java.util.Locale;
import java.util.Set;

/**
 * Country code facts that need no reference index: the ISO 3166-1 alpha-2 list the JDK carries, EU membership, and
 * the US territories and military "states" that carriers treat differently.
 */
public final class Countries {

    private static final Set<String> ISO = Set.of(Locale.getISOCountries());
    /** EU member states (27 since 2020-02-01). Source: europa.eu, "EU countries". */
    private static final Set<String> EU = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR",
            "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");
    /** US territories with their own ISO code, also written as a US "state". */
    private static final Set<String> US_TERRITORIES = Set.of("PR", "GU", "VI", "AS", "MP", "UM");
    /** USPS state codes of military post offices (Armed Forces Americas, Europe, Pacific). */
    private static final Set<String> MILITARY_STATES = Set.of("AA", "AE", "AP");

    private Countries() {
    }

    public static boolean isIso(String alpha2) {
        return alpha2 != null && ISO.contains(alpha2);
    }

    public static boolean isEu(String alpha2) {
        return alpha2 != null && EU.contains(alpha2);
    }

    public static boolean isUsTerritory(String alpha2) {
        return alpha2 != null && US_TERRITORIES.contains(alpha2);
    }

    public static boolean isMilitaryState(String state) {
        return state != null && MILITARY_STATES.contains(state);
    }
}
