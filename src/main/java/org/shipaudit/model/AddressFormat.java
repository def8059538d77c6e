package org.shipaudit.model;

/** A row of the country address-formats table: which fields a country's addresses need, and its postal pattern. */
public final class AddressFormat extends TableRow {

    private final String country;
    private boolean stateRequired;
    private boolean postalCodeRequired;
    private String postalPattern;
    private String example;

    public AddressFormat(String rowName, String country) {
        super(rowName);
        this.country = country.trim().toUpperCase(java.util.Locale.ROOT);
    }

    public String getCountry() {
        return country;
    }

    public boolean isStateRequired() {
        return stateRequired;
    }

    public void setStateRequired(boolean stateRequired) {
        this.stateRequired = stateRequired;
    }

    public boolean isPostalCodeRequired() {
        return postalCodeRequired;
    }

    public void setPostalCodeRequired(boolean postalCodeRequired) {
        this.postalCodeRequired = postalCodeRequired;
    }

    public String getPostalPattern() {
        return postalPattern;
    }

    public void setPostalPattern(String postalPattern) {
        this.postalPattern = postalPattern == null || postalPattern.isBlank() ? null : postalPattern.trim();
    }

    public String getExample() {
        return example;
    }

    public void setExample(String example) {
        this.example = example;
    }

    /** True when a pattern is set and the address's postal code (present) does not match it. */
    public boolean rejectsPostalCodeOf(AddressFacts a) {
        return postalPattern != null && a.getPostalCode() != null && !a.postalCodeMatches(postalPattern);
    }
}
