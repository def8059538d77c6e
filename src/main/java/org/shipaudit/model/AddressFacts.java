package org.shipaudit.model;

import java.util.Locale;
import java.util.regex.Pattern;
import org.shipaudit.model.api.Address;
import org.shipaudit.model.lookup.Countries;

/**
 * A ship-from or ship-to address normalised for rules: trimmed fields (null when blank), upper-case country and
 * state, and what the street lines say (PO box, military post office). Pure: no look-ups; postal look-ups arrive as
 * an {@link AddressCheck}.
 */
public final class AddressFacts {

    /** "PO Box 12", "P.O. Box #12", "POB 12", "Post Office Box 12", "Postfach 12", "Boîte postale 12"; not "Pobox Lane". */
    private static final Pattern PO_BOX = Pattern.compile(
            "(?i)(^|[^a-z])(p\\.?\\s*o\\.?\\s*box|post\\s+office\\s+box|p\\.?\\s*o\\.?\\s*b\\.?|postfach|"
                    + "bo[iî]te\\s+postale|apartado(\\s+postal)?)\\s*(no\\.?\\s*|#\\s*)?\\d");
    private static final Pattern MILITARY_CITY = Pattern.compile("(?i)^(APO|FPO|DPO)$");
    private static final Pattern MILITARY_STREET = Pattern.compile("(?i)(^|\\s)(PSC|CMR|UNIT)\\s+\\d+");

    private final String subject;
    private final Address a;

    public AddressFacts(String subject, Address address) {
        this.subject = subject;
        this.a = address;
    }

    /** {@code shipTo} or {@code shipFrom}. */
    public String getSubject() {
        return subject;
    }

    public boolean isPresent() {
        return a != null;
    }

    /** The address's classification as the shipper gives it: true residential, false commercial, null not given. */
    public Boolean getResidential() {
        return a == null ? null : a.residential();
    }

    public String getName() {
        return a == null ? null : trim(a.name());
    }

    public String getCompany() {
        return a == null ? null : trim(a.company());
    }

    public String getStreet1() {
        return a == null ? null : trim(a.street1());
    }

    public String getStreet2() {
        return a == null ? null : trim(a.street2());
    }

    public String getCity() {
        return a == null ? null : trim(a.city());
    }

    public String getState() {
        String s = a == null ? null : trim(a.state());
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }

    public String getPostalCode() {
        return a == null ? null : trim(a.postalCode());
    }

    public String getCountry() {
        String c = a == null ? null : trim(a.country());
        return c == null ? null : c.toUpperCase(Locale.ROOT);
    }

    public boolean isStreetMissing() {
        return getStreet1() == null;
    }

    public boolean isCityMissing() {
        return getCity() == null;
    }

    public boolean isStateMissing() {
        return getState() == null;
    }

    public boolean isPostalCodeMissing() {
        return getPostalCode() == null;
    }

    public boolean isCountryMissing() {
        return getCountry() == null;
    }

    public boolean isCountryValid() {
        return Countries.isIso(getCountry());
    }

    /**
     * True when the postal code matches a whole-string regular expression (from the country formats table); a US
     * ZIP+4 is matched with its hyphen whether or not it was written.
     */
    public boolean postalCodeMatches(String regex) {
        String p = getPostalCode();
        if (p != null && NINE_DIGITS.matcher(p).matches()
                && ("US".equals(getCountry()) || Countries.isUsTerritory(getCountry()))) {
            // A ZIP+4 written without its hyphen (205000003) is the same code as 20500-0003.
            p = p.substring(0, 5) + "-" + p.substring(5);
        }
        if (p == null) {
            return false;
        }
        if (POSTAL_PATTERNS.size() > 1_000) {
            POSTAL_PATTERNS.clear(); // bounds it whatever packs are deployed over the service's life
        }
        return POSTAL_PATTERNS.computeIfAbsent(regex, java.util.regex.Pattern::compile)
                .matcher(p.toUpperCase(Locale.ROOT)).matches();
    }

    private static final java.util.regex.Pattern NINE_DIGITS = java.util.regex.Pattern.compile("\\d{9}");
    /**
     * The address-format table's postal patterns, compiled once each: a row is checked against both addresses of
     * every audit. Keyed by pattern text, which comes from the deployed tables (tens of rows; cleared past 1,000); a
     * pattern that does not compile throws here as String.matches did, and is not stored.
     */
    private static final java.util.Map<String, java.util.regex.Pattern> POSTAL_PATTERNS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** A street line names a post office box (PO Box, Postfach, ...). */
    public boolean isPoBox() {
        return PO_BOX.matcher(nz(getStreet1())).find() || PO_BOX.matcher(nz(getStreet2())).find();
    }

    /** An APO/FPO/DPO military address: state AA/AE/AP, or city APO/FPO/DPO with a PSC/CMR/UNIT street. */
    public boolean isMilitary() {
        return "US".equals(getCountry()) && (Countries.isMilitaryState(getState())
                || MILITARY_CITY.matcher(nz(getCity())).matches()
                && MILITARY_STREET.matcher(nz(getStreet1()) + " " + nz(getStreet2())).find());
    }

    /** A US territory, written either as its own country (PR) or as a US state (country US, state PR). */
    public boolean isUsTerritory() {
        return Countries.isUsTerritory(getCountry()) || "US".equals(getCountry()) && Countries.isUsTerritory(getState());
    }

    /** The territory's code (PR, GU, VI, ...) when {@link #isUsTerritory()}, else null. */
    public String getTerritory() {
        if (Countries.isUsTerritory(getCountry())) {
            return getCountry();
        }
        return "US".equals(getCountry()) && Countries.isUsTerritory(getState()) ? getState() : null;
    }

    /** One line for evidence: street, city, state, postal code, country. */
    public String getOneLine() {
        StringBuilder b = new StringBuilder();
        for (String s : new String[] {getStreet1(), getStreet2(), getCity(), getState(), getPostalCode(), getCountry()}) {
            if (s != null) {
                b.append(b.length() == 0 ? "" : ", ").append(s);
            }
        }
        return b.toString();
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @Override
    public String toString() {
        return "AddressFacts[" + subject + " " + getOneLine() + "]";
    }
}
