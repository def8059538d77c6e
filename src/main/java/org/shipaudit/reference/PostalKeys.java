package org.shipaudit.reference;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The postal-code keys to try, in order, for a code as a user writes it.
 *
 * <p>GeoNames keys some countries by a prefix of the full code: GB by outward code or district ("SW1" for
 * "SW1A 1AA"), CA by forward sortation area ("M5V"), IE by routing key; a few countries by a country-prefixed form
 * ("LV-5101"). US territories appear both under their own code and under US.
 */
final class PostalKeys {
    private PostalKeys() {
    }

    static List<String[]> candidates(String country, String code) {
        Set<String> keys = new LinkedHashSet<>();
        String norm = Normalize.postalCode(country, code);
        keys.add(country + "|" + norm);
        String spaced = code.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        String outward = spaced.contains(" ") ? spaced.substring(0, spaced.indexOf(' ')).replace("-", "") : null;
        switch (country) {
            case "GB", "IM", "JE", "GG" -> {
                if (outward == null && norm.length() >= 5) {
                    outward = norm.substring(0, norm.length() - 3);
                }
                if (outward != null) {
                    keys.add(country + "|" + outward);
                    if (Character.isLetter(outward.charAt(outward.length() - 1))) {
                        keys.add(country + "|" + outward.substring(0, outward.length() - 1));
                    }
                }
            }
            case "CA", "IE" -> {
                if (norm.length() > 3) {
                    keys.add(country + "|" + norm.substring(0, 3));
                }
            }
            default -> {
                if (outward != null) {
                    keys.add(country + "|" + outward);
                }
            }
        }
        if (Normalize.isUsZip(country) && !country.equals("US")) {
            keys.add("US|" + norm);
        }
        if (country.equals("US")) {
            // GeoNames lists Puerto Rico and the other territories under their own codes, not under US.
            for (String territory : new String[] {"PR", "VI", "GU", "AS", "MP"}) {
                keys.add(territory + "|" + norm);
            }
        }
        if (!norm.startsWith(country)) {
            keys.add(country + "|" + country + norm);
        }
        List<String[]> out = new ArrayList<>(keys.size());
        for (String k : keys) {
            int bar = k.indexOf('|');
            out.add(new String[] {k.substring(0, bar), k.substring(bar + 1)});
        }
        return out;
    }
}
