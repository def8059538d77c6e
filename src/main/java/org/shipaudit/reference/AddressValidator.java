package org.shipaudit.reference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.shipaudit.model.api.Address;

/**
 * Checks one address against the loaded country list and postal data; see {@link AddressValidation}.
 *
 * <p>Order: country, then postal code exists, then the postal code is in the given state, then the city is one the
 * postal code serves (fuzzy: case, accents, punctuation, "St."/"Saint", "Ft"/"Fort", and a small edit distance).
 * A state mismatch stops there and offers the postal code's real places as candidates.
 */
final class AddressValidator {
    private static final int MAX_CANDIDATES = 5;
    /** Countries whose carriers require a state or province on the label. */
    private static final java.util.Set<String> STATE_REQUIRED = java.util.Set.of("US", "CA", "AU");
    private final PostalLookups index;

    /** Built once per index; stateless apart from the look-ups, so thread-safe. */
    AddressValidator(PostalLookups index) {
        this.index = index;
    }

    AddressValidation validate(Address a) {
        List<AddressIssue> issues = new ArrayList<>();
        if (a == null) {
            return new AddressValidation(false, null, List.of(new AddressIssue("address", AddressIssueCode.ADDRESS_MISSING, "an address is required")),
                    List.of(), false, false);
        }
        Coverage coverage = index.coverage();
        String country = Normalize.country(a.country());
        Address normalized = copy(a, trim(a.city()), normState(a.state()),
                Normalize.displayPostalCode(country, a.postalCode()), country);
        if (country.isEmpty()) {
            issues.add(new AddressIssue("country", AddressIssueCode.COUNTRY_MISSING, "country is required (ISO 3166-1 alpha-2, e.g. US)"));
            return result(false, normalized, issues, List.of(), false, coverage.bundledOnly());
        }
        if (coverage.has(IsoImporter.COUNTRIES) && index.country(country).isEmpty()) {
            issues.add(new AddressIssue("country", AddressIssueCode.COUNTRY_UNKNOWN, "'" + a.country().trim() + "' is not an ISO 3166-1 alpha-2 country code"));
            return result(false, normalized, issues, List.of(), false, coverage.bundledOnly());
        }
        Optional<Coverage.Source> postal = coverage.source("postal:" + country);
        if (postal.isEmpty() && country.equals("US")) {
            postal = coverage.source("postal:PR");
        }
        if (postal.isEmpty()) {
            // Not judged: no data is not evidence of a wrong address.
            return result(true, normalized, issues, List.of(), false, false);
        }
        boolean sample = postal.get().bundled();
        String where = sample ? " (checked against the bundled sample only)" : "";
        if (blank(a.postalCode())) {
            issues.add(new AddressIssue("postalCode", AddressIssueCode.POSTAL_CODE_MISSING, "postal code is required for " + country));
            return result(false, normalized, issues, List.of(), true, sample);
        }
        List<PostalPlace> places = index.postalPlaces(country, a.postalCode());
        if (places.isEmpty() && !PostalCoverage.complete(country)) {
            // Partial data (GeoNames lists CN, BR and PL only in part): absence proves nothing, the format rule judges.
            issues.add(new AddressIssue("postalCode", AddressIssueCode.POSTAL_CODE_NOT_LISTED, "postal code '"
                    + a.postalCode().trim() + "' is not in the loaded postal data for " + country
                    + ", which lists only part of its codes: checked for format only"));
            return result(true, normalized, issues, List.of(), true, sample);
        }
        if (places.isEmpty()) {
            issues.add(new AddressIssue("postalCode", AddressIssueCode.POSTAL_CODE_UNKNOWN, "postal code '"
                    + a.postalCode().trim() + "' does not exist in " + country + where));
            List<Address> candidates = new ArrayList<>();
            for (PostalPlace p : index.placesByCity(country, a.city(), 50)) {
                if (blank(a.state()) || stateMatches(p, a.state(), country)) {
                    add(candidates, copy(a, p.place(), stateOf(p, a.state()), p.postalCode(), country));
                }
            }
            return result(false, normalized, issues, candidates, true, sample);
        }
        List<PostalPlace> inState = places;
        if (!blank(a.state())) {
            inState = places.stream().filter(p -> stateMatches(p, a.state(), country)).toList();
            if (inState.isEmpty()) {
                PostalPlace p = places.get(0);
                issues.add(new AddressIssue("state", AddressIssueCode.STATE_MISMATCH, "postal code " + normalized.postalCode() + " is in "
                        + describeState(p) + ", not " + a.state().trim() + where));
                return result(false, normalized, issues, candidates(a, places, normalized.postalCode(), country),
                        true, sample);
            }
            normalized = copy(normalized, normalized.city(), stateOf(inState.get(0), a.state()),
                    normalized.postalCode(), country);
        } else if (STATE_REQUIRED.contains(country) && hasState(places.get(0))) {
            String state = stateOf(places.get(0), null);
            issues.add(new AddressIssue("state", AddressIssueCode.STATE_MISSING, "state is missing; postal code " + normalized.postalCode()
                    + " is in " + state));
            normalized = copy(normalized, normalized.city(), state, normalized.postalCode(), country);
        }
        if (blank(a.city())) {
            issues.add(new AddressIssue("city", AddressIssueCode.CITY_MISSING, "city is required"));
            return result(false, normalized, issues, candidates(a, inState, normalized.postalCode(), country),
                    true, sample);
        }
        String city = Normalize.name(a.city());
        // The city as written first, then the local names of an English exonym ("Munich" -> "München").
        List<String> names = new ArrayList<>();
        names.add(city);
        names.addAll(Exonyms.localNames(country, city));
        for (String name : names) {
            for (PostalPlace p : inState) {
                if (name.equals(Normalize.name(p.place()))) {
                    exonym(issues, a, name, city, p.place());
                    return result(true, copy(normalized, p.place(), normalized.state(), normalized.postalCode(),
                            country), issues, List.of(), true, sample);
                }
            }
            for (PostalPlace p : inState) {
                // Large cities are keyed by district (GB "Belgravia", CA "Downtown Toronto (...)", AT "Wien, Innere
                // Stadt"): the city may be the district's county or a word group of the place name.
                String province = Normalize.name(p.province());
                String place = Normalize.name(p.place());
                if (name.equals(province) || (" " + place + " ").contains(" " + name + " ")
                        || (!province.isEmpty() && (" " + province + " ").contains(" " + name + " "))) {
                    exonym(issues, a, name, city, p.place());
                    return result(true, normalized, issues, List.of(), true, sample);
                }
            }
        }
        for (PostalPlace p : inState) {
            String place = Normalize.name(p.place());
            int max = city.length() <= 4 ? 0 : city.length() <= 8 ? 1 : 2;
            if (Normalize.distance(city, place, max) <= max) {
                issues.add(new AddressIssue("city", AddressIssueCode.CITY_SPELLING_CORRECTED, "'" + a.city().trim() + "' read as '" + p.place()
                        + "' (spelling corrected)"));
                return result(true, copy(normalized, p.place(), normalized.state(), normalized.postalCode(), country),
                        issues, List.of(), true, sample);
            }
        }
        issues.add(new AddressIssue("city", AddressIssueCode.CITY_MISMATCH, "postal code " + normalized.postalCode() + " does not serve '"
                + a.city().trim() + "'; it serves " + names(inState) + where));
        return result(false, normalized, issues, candidates(a, inState, normalized.postalCode(), country), true,
                sample);
    }

    private static void exonym(List<AddressIssue> issues, Address a, String name, String city, String place) {
        if (!name.equals(city)) {
            issues.add(new AddressIssue("city", AddressIssueCode.CITY_EXONYM, "'" + a.city().trim()
                    + "' is another name of '" + place + "', where the postal code is"));
        }
    }

    private static AddressValidation result(boolean valid, Address normalized, List<AddressIssue> issues,
                                            List<Address> candidates, boolean checked, boolean sample) {
        return new AddressValidation(valid, normalized, List.copyOf(issues), List.copyOf(candidates), checked, sample);
    }

    private static List<Address> candidates(Address a, List<PostalPlace> places, String postalCode, String country) {
        List<Address> out = new ArrayList<>();
        for (PostalPlace p : places) {
            add(out, copy(a, p.place(), stateOf(p, null), postalCode, country));
        }
        return out;
    }

    private static void add(List<Address> out, Address candidate) {
        if (out.size() < MAX_CANDIDATES && !out.contains(candidate)) {
            out.add(candidate);
        }
    }

    static boolean stateMatches(PostalPlace p, String given, String country) {
        String g = given.trim().toUpperCase(Locale.ROOT);
        if (g.startsWith(country + "-")) {
            g = g.substring(3);
        }
        if (!hasState(p)) {
            return true;
        }
        if (!p.country().equals(country) && g.equals(p.country())) {
            return true;
        }
        String n = Normalize.name(g);
        return g.equalsIgnoreCase(nz(p.stateCode())) || n.equals(Normalize.name(p.state()))
                || n.equals(Normalize.name(p.province()));
    }

    private static boolean hasState(PostalPlace p) {
        return !blank(p.stateCode()) || !blank(p.state());
    }

    /** The state as the address should write it: the code when GeoNames has a letter code, else the name. */
    private static String stateOf(PostalPlace p, String given) {
        if (!p.country().equals("US") && Normalize.isUsZip(p.country())) {
            return p.country();
        }
        String code = nz(p.stateCode());
        if (!code.isEmpty() && code.chars().allMatch(Character::isLetter)) {
            return code;
        }
        return blank(p.state()) ? (given == null ? null : given.trim()) : p.state();
    }

    private static String describeState(PostalPlace p) {
        String code = nz(p.stateCode());
        String name = nz(p.state());
        return code.isEmpty() || code.equals(name) ? name : code + " (" + name + ")";
    }

    private static String names(List<PostalPlace> places) {
        Map<String, Boolean> names = new LinkedHashMap<>();
        for (PostalPlace p : places) {
            names.put(p.place(), true);
            if (names.size() == MAX_CANDIDATES) {
                break;
            }
        }
        return String.join(", ", names.keySet());
    }

    private static Address copy(Address a, String city, String state, String postalCode, String country) {
        return new Address(a.name(), a.company(), a.street1(), a.street2(), city, state, postalCode, country,
                a.residential());
    }

    private static String normState(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        return t.length() <= 3 ? t.toUpperCase(Locale.ROOT) : t;
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    private static String nz(String s) {
        return s == null ? "" : s.trim();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
