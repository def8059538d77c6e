package org.shipaudit.reference.zones;

import java.util.Locale;

/** How zones and ZIP codes are written in charts and on invoices, and what a chart cell holds. */
public final class Zones {

    /** A cell with no value: the chart has no such pair (or the value could not be read at import). */
    static final byte ABSENT = 0;
    /** "NA", or a UPS cell left blank: the pair is not served with that service. */
    static final byte NOT_SERVED = 1;
    /** FedEx "*": served, zone printed elsewhere. */
    static final byte ELSEWHERE = 2;
    /** The first cell value that is an index into a chart's zone codes. */
    static final int FIRST_CODE = 3;

    private Zones() {
    }

    /** A zone as carriers print it, without leading zeros ("008" is zone 8, "108" stays 108). */
    public static String plain(String zone) {
        String z = zone == null ? "" : zone.trim().toUpperCase(Locale.ROOT);
        return z.matches("0+\\d+") ? z.replaceFirst("^0+(?=\\d)", "") : z;
    }

    /**
     * The 5-digit US ZIP code an origin or destination starts with, or null: ZIP+4 with or without its hyphen, the
     * 11 digits FedEx exports (ZIP+4 and delivery point) and the leading zero spreadsheets drop (4401 for 04401).
     */
    public static String zip5(String postalCode) {
        if (postalCode == null) {
            return null;
        }
        String d = postalCode.trim().replace("-", "").replace(" ", "");
        if (!d.matches("\\d+")) {
            return null;
        }
        return switch (d.length()) {
            case 3, 4 -> "0".repeat(5 - d.length()) + d;
            case 5, 9, 11 -> d.substring(0, 5);
            case 8, 10 -> "0" + d.substring(0, 4);
            default -> null;
        };
    }
}
