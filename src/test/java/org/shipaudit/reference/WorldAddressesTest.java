package org.shipaudit.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.shipaudit.OfficialData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.model.api.Address;

/**
 * Addresses outside the US on the official GeoNames postal data (../shared/reference-data/addresses, imported once
 * for the class; about 10 s): English city names, countries whose postal data is partial, ZIP+4 without a hyphen.
 * Skipped when the official data is absent.
 */
@OfficialData
class WorldAddressesTest {

    static final Path ADDRESSES = Path.of("..", "shared", "reference-data", "addresses");
    @TempDir
    static Path dir;
    static ReferenceIndex index;

    @BeforeAll
    static void importPostalData() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(ADDRESSES),
                "the official postal data is not at " + ADDRESSES + "; see reference-data/SOURCES.md");
        try (ReferenceImporter importer = ReferenceImporter.open(dir)) {
            importer.importPaths(List.of(ADDRESSES.resolve("geonames_postal_codes_117_countries.csv.gz"),
                    ADDRESSES.resolve("geonames_postal_codes_US.csv")));
        }
        index = ReferenceIndex.open(dir);
    }

    @AfterAll
    static void close() throws IOException {
        if (index != null) {
            index.close();
        }
    }

    static AddressValidation check(String city, String postalCode, String country) {
        return index.validateAddress(new Address(null, null, "1 Main Street", null, city, null, postalCode, country,
                false));
    }

    static boolean has(AddressValidation v, AddressIssueCode code) {
        return v.issues().stream().anyMatch(i -> i.code() == code);
    }

    @Test
    void acceptsTheEnglishNamesOfEuropeanCities() {
        String[][] cases = {{"Munich", "80331", "DE"}, {"Cologne", "50667", "DE"}, {"Vienna", "1010", "AT"},
                {"Rome", "00118", "IT"}, {"Prague", "110 00", "CZ"}, {"Copenhagen", "1050", "DK"}};
        for (String[] c : cases) {
            AddressValidation v = check(c[0], c[1], c[2]);
            assertTrue(v.valid(), c[0] + ": " + v.issues());
            assertTrue(v.postalChecked(), c[0]);
            assertTrue(!has(v, AddressIssueCode.CITY_MISMATCH), c[0] + ": " + v.issues());
        }
        AddressValidation munich = check("Munich", "80331", "DE");
        assertTrue(has(munich, AddressIssueCode.CITY_EXONYM), munich.issues().toString());
        assertEquals("München", munich.normalized().city());
    }

    @Test
    void stillRejectsACityThePostalCodeDoesNotServe() {
        AddressValidation v = check("Hamburg", "80331", "DE");
        assertEquals(false, v.valid());
        assertTrue(has(v, AddressIssueCode.CITY_MISMATCH), v.issues().toString());
    }

    @Test
    void checksOnlyTheFormatOfACodeMissingFromPartialPostalData() {
        String[][] cases = {{"Shanghai", "200120", "CN"}, {"São Paulo", "01310-100", "BR"},
                {"Warsaw", "00-950", "PL"}};
        for (String[] c : cases) {
            AddressValidation v = check(c[0], c[1], c[2]);
            assertTrue(v.valid(), c[0] + ": " + v.issues());
            assertTrue(has(v, AddressIssueCode.POSTAL_CODE_NOT_LISTED), c[0] + ": " + v.issues());
            assertTrue(v.issues().stream().noneMatch(i -> i.message().contains("does not exist")), c[0]);
        }
    }

    @Test
    void callsAnUnknownCodeNonExistentWhereThePostalDataIsComplete() {
        AddressValidation v = check("Berlin", "00000", "DE");
        assertEquals(false, v.valid());
        assertTrue(has(v, AddressIssueCode.POSTAL_CODE_UNKNOWN), v.issues().toString());
    }

    @Test
    void acceptsAZipPlusFourWithoutItsHyphen() {
        AddressValidation v = index.validateAddress(new Address(null, null, "1600 Pennsylvania Ave NW", null,
                "Washington", "DC", "205000003", "US", false));
        assertTrue(v.valid(), v.issues().toString());
        assertEquals("20500-0003", v.normalized().postalCode());
    }
}
