package org.shipaudit.reference.screening;

/** An address a list gives for an entry; {@code country} is ISO 3166-1 alpha-2 when the name was recognised, else "". */
public record ListedAddress(String street, String city, String state, String postalCode, String country,
                            String countryName) {

    public ListedAddress {
        street = blankToEmpty(street);
        city = blankToEmpty(city);
        state = blankToEmpty(state);
        postalCode = blankToEmpty(postalCode);
        country = blankToEmpty(country);
        countryName = blankToEmpty(countryName);
    }

    /** One line for people: the parts present, comma-separated. */
    public String oneLine() {
        StringBuilder s = new StringBuilder();
        for (String p : new String[] {street, city, state, postalCode, countryName.isEmpty() ? country : countryName}) {
            if (!p.isEmpty()) {
                if (s.length() > 0) {
                    s.append(", ");
                }
                s.append(p);
            }
        }
        return s.toString();
    }

    public boolean isEmpty() {
        return oneLine().isEmpty();
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.strip();
    }
}
