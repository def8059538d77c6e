package org.shipaudit.model;

/**
 * A row of the sanctioned-destinations table: a country under comprehensive sanctions, or a region of one (regions
 * recognised by words in the ship-to state or city, or by postal code prefixes).
 */
public final class SanctionedDestination extends TableRow {

    private final String country;
    private String regions;
    private String postalPrefixes;
    private String program;
    private String severity = "BLOCK";

    public SanctionedDestination(String rowName, String country) {
        super(rowName);
        this.country = country.trim().toUpperCase(java.util.Locale.ROOT);
    }

    public String getCountry() {
        return country;
    }

    public String getRegions() {
        return regions;
    }

    public void setRegions(String regions) {
        this.regions = regions;
    }

    public void setPostalPrefixes(String postalPrefixes) {
        this.postalPrefixes = postalPrefixes;
    }

    public String getProgram() {
        return program;
    }

    public void setProgram(String program) {
        this.program = program;
    }

    public String getSeverity() {
        return severity;
    }

    public void setSeverity(String severity) {
        this.severity = severity.trim().toUpperCase(java.util.Locale.ROOT);
    }

    /** The row covers the whole country (no regions or prefixes). */
    public boolean isWholeCountry() {
        return blank(regions) && blank(postalPrefixes);
    }

    /** What in the address puts it in the region ("state 'Crimea'", "postal code 95000"), or null when nothing. */
    public String regionEvidence(AddressFacts a) {
        if (a == null || !country.equals(a.getCountry()) || isWholeCountry()) {
            return null;
        }
        String state = Phrases.find(regions, a.getState());
        if (state != null) {
            return "state '" + a.getState() + "'";
        }
        String city = Phrases.find(regions, a.getCity());
        if (city != null) {
            return "city '" + a.getCity() + "'";
        }
        String postal = a.getPostalCode() == null ? "" : a.getPostalCode().replaceAll("\\s", "");
        if (!blank(postalPrefixes) && postal.matches("\\d{5}")) {
            for (String p : postalPrefixes.split(",")) {
                if (!p.isBlank() && postal.startsWith(p.trim())) {
                    return "postal code " + postal;
                }
            }
        }
        return null;
    }

    public boolean coversRegionOf(AddressFacts a) {
        return regionEvidence(a) != null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
