package org.shipaudit.reference;

import java.util.Set;

/**
 * Whether the GeoNames postal data of a country lists every postal code, so that a code it lacks can be called
 * non-existent. Elsewhere the data is partial and an unknown code is checked for format only.
 *
 * <p>Complete: the countries whose national post publishes its full code list and whose GeoNames rows cover it
 * (GeoNames postal readme; checked on the 2026-03-30 dump, e.g. DE 23,297 rows for about 8,200 codes, US 41,490).
 * Partial, among others: CN (2,352 rows for tens of thousands of codes), BR (5,525 rows: city-level CEPs only), PL
 * (no delivery-office codes such as 00-950). Unlisted countries count as partial: a missing code proves nothing.
 */
final class PostalCoverage {

    private static final Set<String> COMPLETE = Set.of("US", "PR", "VI", "GU", "AS", "MP", "DE", "AT", "CH", "LI",
            "FR", "IT", "ES", "NL", "BE", "LU", "DK", "SE", "NO", "FI", "CZ", "SK", "GB", "CA", "AU", "NZ", "PT");

    private PostalCoverage() {
    }

    static boolean complete(String country) {
        return COMPLETE.contains(country);
    }
}
