package org.shipaudit.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.shipaudit.OfficialData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.model.api.Address;
import org.shipaudit.csv.CsvReader;

/**
 * Imports the full official reference data from ../shared/reference-data, when present, and checks counts and
 * known answers. Skipped on a fresh clone. Takes about 15 s on 2 cores (the 1.2M postal rows dominate).
 */
@OfficialData
class FullReferenceDataTest {
    static final Path SHARED = Paths.get("..", "shared", "reference-data");
    @TempDir
    static Path dir;
    static ReferenceIndex index;
    static List<ImportSummary> summaries;

    @BeforeAll
    static void importAll() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SHARED),
                "the official reference data is not at ../shared/reference-data; see reference-data/SOURCES.md");
        try (ReferenceImporter importer = ReferenceImporter.open(dir.resolve("idx"))) {
            summaries = importer.importPaths(List.of(SHARED));
        }
        index = ReferenceIndex.open(dir.resolve("idx"));
    }

    @AfterAll
    static void close() throws IOException {
        if (index != null) {
            index.close();
        }
    }

    @Test
    void importsEveryRecognisedFileWithoutError() {
        assertTrue(summaries.stream().allMatch(ImportSummary::ok), summaries.toString());
        Coverage c = index.coverage();
        for (String source : List.of("tariff:HS", "tariff:HTSUS", "tariff:EU_CN", "hazmat", "countries",
                "subdivisions", "currencies", "postal:US", "postal:DE", "postal:GB")) {
            assertTrue(c.has(source), source);
        }
        assertEquals(false, c.bundledOnly());
        assertEquals(249, c.source("countries").orElseThrow().rows());
        assertEquals(3259, c.source("hazmat").orElseThrow().rows());
    }

    @Test
    void holdsThe5612RealHsSubheadings() throws IOException {
        Set<String> hs6 = hs6Codes();
        assertEquals(5612, hs6.size());
        for (String code : hs6) {
            assertTrue(index.tariff("HS", code).isPresent(), code);
        }
    }

    @Test
    void everyHs6CodeOfHtsusIsInHs2022() throws IOException {
        Set<String> hs6 = hs6Codes();
        Set<String> htsus = new TreeSet<>();
        try (CsvReader csv = new CsvReader(ReferenceFiles.reader(SHARED.resolve("tariff/htsus_2026_basic_edition.csv")))) {
            csv.next();
            List<String> row;
            while ((row = csv.next()) != null) {
                String digits = row.get(0).replace(".", "");
                // Chapters 98 and 99 are US-only provisions, not HS.
                if (digits.length() >= 6 && !digits.startsWith("98") && !digits.startsWith("99")) {
                    htsus.add(digits.substring(0, 6));
                }
            }
        }
        Set<String> missing = new TreeSet<>(htsus);
        missing.removeAll(hs6);
        assertTrue(missing.isEmpty(), "HTSUS HS6 codes missing from HS 2022: " + missing);
        assertEquals(5612, htsus.size());
        for (String code : htsus) {
            assertTrue(index.tariff("HTSUS", code).isPresent(), "HTSUS " + code);
        }
    }

    @Test
    void knowsLithiumIonBatteriesAreClass9AndForbiddenOnPassengerAircraft() {
        List<HazmatEntry> entries = index.hazmat("UN3480");
        assertEquals(1, entries.size());
        assertEquals("9", entries.get(0).hazardClass());
        assertTrue(entries.get(0).forbiddenOnPassengerAircraft());
        assertTrue(index.hazmat("NA1993").size() > 3, "one ID number, several entries");
    }

    @Test
    void answersNewYorkForZip10001() {
        PostalPlace p = index.postalPlaces("US", "10001").get(0);
        assertEquals("New York", p.place());
        assertEquals("NY", p.stateCode());
        AddressValidation v = index.validateAddress(
                new Address(null, null, "1 Main St", null, "New York", "CA", "10001", "US", false));
        assertEquals(false, v.valid());
        assertEquals("NY", v.candidates().get(0).state());
        assertEquals(false, v.sampleDataOnly());
    }

    @Test
    void ranksA610910LineInTheTopFiveForCottonTshirt() {
        List<TariffLine> hits = index.searchTariff("cotton t-shirt", "HTSUS", 5);
        assertTrue(hits.stream().anyMatch(t -> t.code().startsWith("6109.10")), hits.toString());
    }

    @Test
    void findsTheObviousLinesForCommonProducts() {
        assertTop("lithium ion battery", "8507.60", 3);
        assertTop("smartphone", "8517.13", 3);
        assertTop("ceramic coffee mug", "6912.00", 3);
        assertTop("perfume", "3303.00", 3);
        assertTop("leather handbag", "4202.21", 3);
        assertTop("laptop computer", "8471.30", 10);
    }

    private static void assertTop(String query, String prefix, int n) {
        List<TariffLine> hits = index.searchTariff(query, "HTSUS", n);
        assertTrue(hits.stream().anyMatch(t -> t.code().startsWith(prefix)), query + " -> " + hits.stream()
                .map(TariffLine::code).toList());
    }

    private static Set<String> hs6Codes() throws IOException {
        Set<String> codes = new HashSet<>();
        try (CsvReader csv = new CsvReader(ReferenceFiles.reader(SHARED.resolve("tariff/hs2022_harmonized-system.csv")))) {
            csv.next();
            List<String> row;
            while ((row = csv.next()) != null) {
                if (row.size() == 5 && row.get(4).equals("6") && !row.get(1).equals("999999")) {
                    codes.add(row.get(1));
                }
            }
        }
        return codes;
    }
}
