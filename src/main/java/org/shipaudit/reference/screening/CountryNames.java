package org.shipaudit.reference.screening;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * ISO 3166-1 alpha-2 codes for the country names the lists write ("Iran", "Korea, North", "Congo, Democratic Republic
 * of the", "Russia", "Burma"): the JDK's English names plus the lists' own spellings. Unknown names give "".
 */
public final class CountryNames {
    private static final Map<String, String> CODES = build();

    private CountryNames() {
    }

    public static String code(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String k = key(name);
        String c = CODES.get(k);
        if (c != null) {
            return c;
        }
        // "Tehran, Iran" and "Iran (Islamic Republic of)": the last comma part, then the part before a bracket.
        int comma = k.lastIndexOf(',');
        if (comma > 0) {
            c = CODES.get(k.substring(comma + 1).strip());
            if (c != null) {
                return c;
            }
        }
        int bracket = k.indexOf('(');
        if (bracket > 0) {
            c = CODES.get(k.substring(0, bracket).strip());
        }
        return c == null ? "" : c;
    }

    private static String key(String name) {
        return NameNormalizer.fold(name).replaceAll("[^a-z0-9,( ]+", " ").replaceAll("\\s+", " ").strip();
    }

    private static Map<String, String> build() {
        Map<String, String> m = new HashMap<>();
        for (String iso : Locale.getISOCountries()) {
            m.put(key(new Locale("", iso).getDisplayCountry(Locale.ENGLISH)), iso);
            m.put(key(iso), iso);
        }
        String[][] aliases = {
            {"iran", "IR"}, {"iran islamic republic of", "IR"}, {"russia", "RU"}, {"russian federation", "RU"},
            {"korea, north", "KP"}, {"north korea", "KP"}, {"democratic peoples republic of korea", "KP"},
            {"korea, south", "KR"}, {"south korea", "KR"}, {"republic of korea", "KR"}, {"burma", "MM"},
            {"syria", "SY"}, {"syrian arab republic", "SY"}, {"venezuela", "VE"}, {"bolivia", "BO"},
            {"tanzania", "TZ"}, {"united republic of tanzania", "TZ"}, {"laos", "LA"},
            {"lao peoples democratic republic", "LA"}, {"vietnam", "VN"}, {"viet nam", "VN"}, {"moldova", "MD"},
            {"republic of moldova", "MD"}, {"czech republic", "CZ"}, {"cote divoire", "CI"}, {"ivory coast", "CI"},
            {"congo, democratic republic of the", "CD"}, {"democratic republic of the congo", "CD"},
            {"congo, republic of the", "CG"}, {"congo", "CG"}, {"united kingdom", "GB"}, {"uk", "GB"},
            {"great britain", "GB"}, {"united states", "US"}, {"usa", "US"}, {"united states of america", "US"},
            {"uae", "AE"}, {"united arab emirates", "AE"}, {"macau", "MO"}, {"macao", "MO"}, {"hong kong", "HK"},
            {"taiwan", "TW"}, {"palestinian", "PS"}, {"west bank", "PS"}, {"gaza", "PS"}, {"palestine", "PS"},
            {"state of palestine", "PS"}, {"turkey", "TR"}, {"turkiye", "TR"}, {"the netherlands", "NL"},
            {"netherlands", "NL"}, {"bosnia and herzegovina", "BA"}, {"north macedonia", "MK"}, {"macedonia", "MK"},
            {"brunei", "BN"}, {"cabo verde", "CV"}, {"cape verde", "CV"}, {"eswatini", "SZ"}, {"swaziland", "SZ"},
            {"the gambia", "GM"}, {"gambia", "GM"}, {"the bahamas", "BS"}, {"bahamas", "BS"},
            {"micronesia", "FM"}, {"saint kitts and nevis", "KN"}, {"saint lucia", "LC"},
            {"saint vincent and the grenadines", "VC"}, {"sao tome and principe", "ST"}, {"timor leste", "TL"},
            {"east timor", "TL"}, {"vatican", "VA"}, {"holy see", "VA"}, {"kosovo", "XK"}, {"region: crimea", "UA"},
            {"curacao", "CW"}, {"sint maarten", "SX"}, {"south sudan", "SS"}, {"sudan", "SD"}, {"yemen", "YE"},
            {"libya", "LY"}, {"afghanistan", "AF"}, {"iraq", "IQ"}, {"lebanon", "LB"}, {"cuba", "CU"},
            {"belarus", "BY"}, {"ukraine", "UA"}, {"china", "CN"}, {"peoples republic of china", "CN"},
        };
        for (String[] a : aliases) {
            m.put(a[0], a[1]);
        }
        return Map.copyOf(m);
    }
}
