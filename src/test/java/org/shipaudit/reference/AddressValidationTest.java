package org.shipaudit.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.model.api.Address;

/** Address validation against the bundled sample (the same logic runs on the full GeoNames data). */
class AddressValidationTest {
    @TempDir
    static Path dir;
    static ReferenceIndex index;

    @BeforeAll
    static void importSample() throws IOException {
        ReferenceImporter.importBundledIfEmpty(dir.resolve("idx"), Fixtures.bundled());
        index = ReferenceIndex.open(dir.resolve("idx"));
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    private static Address address(String city, String state, String zip, String country) {
        return new Address("Jane Roe", null, "1 Main St", null, city, state, zip, country, true);
    }

    @Test
    void acceptsAnAddressWhosePostalCodeStateAndCityAgree() {
        AddressValidation v = index.validateAddress(address("Washington", "DC", "20020", "US"));
        assertTrue(v.valid());
        assertTrue(v.issues().isEmpty());
        assertTrue(v.postalChecked());
        assertTrue(v.sampleDataOnly(), "the bundled sample says so");
    }

    @Test
    void rejectsAPostalCodeInAnotherStateAndOffersTheRealPlace() {
        AddressValidation v = index.validateAddress(address("New York", "CA", "10001", "US"));
        assertFalse(v.valid());
        assertEquals("state", v.issues().get(0).field());
        assertTrue(v.issues().get(0).message().contains("NY"), v.issues().get(0).message());
        Address candidate = v.candidates().get(0);
        assertEquals("New York", candidate.city());
        assertEquals("NY", candidate.state());
        assertEquals("10001", candidate.postalCode());
        assertEquals("1 Main St", candidate.street1());
    }

    @Test
    void correctsASmallMisspellingOfTheCity() {
        AddressValidation v = index.validateAddress(address("New Yrok", "ny", "10001-1234", "us"));
        assertTrue(v.valid());
        assertEquals("New York", v.normalized().city());
        assertEquals("NY", v.normalized().state());
        assertEquals("US", v.normalized().country());
        assertEquals("10001-1234", v.normalized().postalCode());
        assertEquals("city", v.issues().get(0).field());
    }

    @Test
    void matchesCityNamesAcrossAbbreviationsAccentsAndCase() {
        assertTrue(index.validateAddress(address("Ft. Lauderdale", "FL", "33301", "US")).valid());
        assertTrue(index.validateAddress(address("ST LOUIS", "Missouri", "63101", "US")).valid());
        assertTrue(index.validateAddress(address("Munchen", null, "80331", "DE")).valid());
        AddressValidation toronto = index.validateAddress(address("Toronto", "ON", "M5V 3L9", "CA"));
        assertTrue(toronto.valid(), toronto.toString());
        assertEquals("Toronto", toronto.normalized().city(), "a city matched on the district's county is kept");
        assertTrue(index.validateAddress(address("London", null, "SW1A 1AA", "GB")).valid());
    }

    @Test
    void rejectsACityThePostalCodeDoesNotServe() {
        AddressValidation v = index.validateAddress(address("Boston", "NY", "10001", "US"));
        assertFalse(v.valid());
        assertEquals("city", v.issues().get(0).field());
        assertEquals("New York", v.candidates().get(0).city());
    }

    @Test
    void rejectsAnUnknownPostalCodeAndSuggestsTheCitysCodes() {
        AddressValidation v = index.validateAddress(address("Beverly Hills", "CA", "90299", "US"));
        assertFalse(v.valid());
        assertEquals("postalCode", v.issues().get(0).field());
        assertTrue(v.issues().get(0).message().contains("bundled sample"), v.issues().get(0).message());
        assertEquals("90210", v.candidates().get(0).postalCode());
    }

    @Test
    void doesNotJudgeACountryWithoutPostalData() {
        AddressValidation v = index.validateAddress(address("Tokyo", null, "100-0001", "JP"));
        assertTrue(v.valid());
        assertFalse(v.postalChecked());
        assertTrue(v.issues().isEmpty());
    }

    @Test
    void rejectsACountryCodeThatIsNotIso() {
        AddressValidation v = index.validateAddress(address("Springfield", "IL", "62701", "USA"));
        assertFalse(v.valid());
        assertEquals("country", v.issues().get(0).field());
    }

    @Test
    void findsPuertoRicoZipCodesWrittenAsUnitedStates() {
        AddressValidation v = index.validateAddress(address("San Juan", "PR", "00918", "US"));
        assertTrue(v.valid(), v.toString());
    }

    @Test
    void fillsInAMissingStateWhereCarriersRequireOne() {
        AddressValidation v = index.validateAddress(address("Columbus", null, "43215", "US"));
        assertTrue(v.valid());
        assertEquals("OH", v.normalized().state());
        assertEquals("state", v.issues().get(0).field());
    }
}
