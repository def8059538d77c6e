package org.shipaudit.reference;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** The normalisations shared by importers and look-ups, so a key written at import is the key asked for later. */
final class Normalize {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{Alnum}]+");
    private static final Pattern US_ZIP = Pattern.compile("(\\d{5})(?:-?\\d{4})?");

    private Normalize() {
    }

    /** Tariff codes are compared as digits only: "6109.10.00.12", "6109 10 00 12" and "6109100012" are one code. */
    static String digits(String code) {
        return code == null ? "" : code.replaceAll("[^0-9]", "");
    }

    static String country(String country) {
        return country == null ? "" : country.trim().toUpperCase(Locale.ROOT);
    }

    /** Postal code key: upper case without spaces or hyphens; a US ZIP+4 becomes its 5-digit ZIP. */
    static String postalCode(String country, String code) {
        if (code == null) {
            return "";
        }
        String c = code.trim().toUpperCase(Locale.ROOT);
        if (isUsZip(country)) {
            var m = US_ZIP.matcher(c.replace(" ", ""));
            if (m.matches()) {
                return m.group(1);
            }
        }
        return c.replace(" ", "").replace("-", "");
    }

    /** Countries that use US ZIP codes (the US and its territories, which GeoNames also lists on their own). */
    static boolean isUsZip(String country) {
        return switch (country == null ? "" : country) {
            case "US", "PR", "VI", "GU", "AS", "MP", "FM", "MH", "PW" -> true;
            default -> false;
        };
    }

    /** The display form of a US ZIP+4 ("10001-1234"), other codes trimmed and upper-cased. */
    static String displayPostalCode(String country, String code) {
        if (code == null) {
            return null;
        }
        String c = code.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (isUsZip(country)) {
            String d = c.replace(" ", "").replace("-", "");
            if (d.matches("\\d{9}")) {
                return d.substring(0, 5) + "-" + d.substring(5);
            }
        }
        return c;
    }

    /**
     * A place or state name reduced for comparison: no accents, no punctuation, lower case, and common
     * abbreviations spelt out ("St." -> "saint", "Ft" -> "fort", "Mt" -> "mount").
     */
    static String name(String s) {
        if (s == null) {
            return "";
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFD);
        n = MARKS.matcher(n).replaceAll("");
        n = n.replace("ß", "ss").toLowerCase(Locale.ROOT);
        n = NON_ALNUM.matcher(n).replaceAll(" ").trim();
        if (n.isEmpty()) {
            return n;
        }
        StringBuilder out = new StringBuilder(n.length() + 8);
        for (String w : n.split(" ")) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(switch (w) {
                case "st", "ste", "saint", "sainte", "san" -> w.equals("san") ? "san" : "saint";
                case "ft" -> "fort";
                case "mt" -> "mount";
                case "pt" -> "port";
                case "n" -> "north";
                case "s" -> "south";
                case "e" -> "east";
                case "w" -> "west";
                default -> w;
            });
        }
        return out.toString();
    }

    /** "UN3480", "un 3480", "3480" -> "UN3480"; "NA1993" and "ID8000" keep their prefix. */
    static String unNumber(String id) {
        if (id == null) {
            return "";
        }
        String s = id.trim().toUpperCase(Locale.ROOT).replace(" ", "").replace("-", "");
        if (s.matches("\\d{4}")) {
            return "UN" + s;
        }
        return s;
    }

    /** Optimal string alignment distance (Levenshtein plus adjacent transposition), capped at {@code max + 1}. */
    static int distance(String a, String b, int max) {
        return org.shipaudit.reference.screening.EditDistance.osa(a, b, max);
    }
}
