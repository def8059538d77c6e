package org.shipaudit.model.lookup;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a country of origin as product catalogs write it: an ISO 3166-1 alpha-2 code ({@code CN}), an alpha-3 code
 * ({@code CHN}) or an English name ({@code China}, {@code People's Republic of China}), to the alpha-2 code. Codes and
 * names come from the JDK's ISO 3166 data (the same list {@link Countries} uses), plus the short and official forms
 * sellers write that the JDK does not name. Case, accents and punctuation do not matter.
 */
public final class CountryNames {

    private static final Map<String, String> BY_KEY = build();

    private CountryNames() {
    }

    private static Map<String, String> build() {
        Map<String, String> m = new HashMap<>();
        for (String alpha2 : Locale.getISOCountries()) {
            Locale l = new Locale("", alpha2);
            m.put(key(alpha2), alpha2);
            try {
                m.put(key(l.getISO3Country()), alpha2);
            } catch (java.util.MissingResourceException e) {
                // a code without an alpha-3 form: the alpha-2 code and the name still read
            }
            m.put(key(l.getDisplayCountry(Locale.ENGLISH)), alpha2);
        }
        // Forms in common use that are neither the JDK's English name nor a code (ISO 3166-1 full names and
        // everyday short names); "UK" is not an ISO code (GB is) but is what sellers write.
        String[][] aliases = {
                {"USA", "US"}, {"U.S.A.", "US"}, {"U.S.", "US"}, {"United States of America", "US"}, {"America", "US"},
                {"UK", "GB"}, {"Great Britain", "GB"}, {"Britain", "GB"}, {"England", "GB"}, {"Scotland", "GB"},
                {"Wales", "GB"}, {"Northern Ireland", "GB"},
                {"People's Republic of China", "CN"}, {"PRC", "CN"}, {"Mainland China", "CN"},
                {"Republic of Korea", "KR"}, {"Korea", "KR"}, {"Korea, Republic of", "KR"},
                {"Taiwan, Province of China", "TW"}, {"Republic of China", "TW"},
                {"Viet Nam", "VN"}, {"Russian Federation", "RU"}, {"Turkiye", "TR"}, {"Czech Republic", "CZ"},
                {"Holland", "NL"}, {"The Netherlands", "NL"}, {"Hong Kong SAR", "HK"}, {"Hong Kong SAR China", "HK"},
                {"Macau", "MO"}, {"Ivory Coast", "CI"}, {"Burma", "MM"}, {"Swaziland", "SZ"},
                {"Macedonia", "MK"}, {"UAE", "AE"}, {"Vatican", "VA"}};
        for (String[] a : aliases) {
            m.putIfAbsent(key(a[0]), a[1]);
        }
        return Map.copyOf(m);
    }

    /** The ISO 3166-1 alpha-2 code {@code text} stands for, or null when it names no country. */
    public static String alpha2(String text) {
        // "N/A", "n/a" and other placeholders are not names; without this "N/A" would read as NA, Namibia.
        if (text == null || text.isBlank() || !text.strip().matches("[\\p{L} .,'()&-]+")) {
            return null;
        }
        return BY_KEY.get(key(text));
    }

    private static String key(String s) {
        String plain = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replace("&", "and").replaceAll("[^a-z0-9]", "");
    }
}
