package org.shipaudit.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceImportTest {
    @TempDir
    Path dir;

    private Path hts(String description) throws IOException {
        return Fixtures.write(dir, "hts-" + description.length() + ".csv", Fixtures.BOM + Fixtures.HTSUS_HEADER
                + Fixtures.hts("8507", 0, "Electric storage batteries:", "", "")
                + Fixtures.hts("8507.60.00", 1, description, "", "3.4%"));
    }

    @Test
    void importingTheSameFilesTwiceChangesNothing() throws IOException {
        Path idx = dir.resolve("idx");
        Fixtures.importFiles(idx, Fixtures.bundled());
        long first;
        try (ReferenceIndex index = ReferenceIndex.open(idx)) {
            first = index.documentCount();
        }
        Fixtures.importFiles(idx, Fixtures.bundled());
        try (ReferenceIndex index = ReferenceIndex.open(idx)) {
            assertEquals(first, index.documentCount());
            assertEquals(1, index.searchTariff("smartphone", "HTSUS", 10).stream()
                    .filter(t -> t.code().equals("8517.13.00.00")).count(), "no duplicate lines");
        }
    }

    @Test
    void aNewEditionReplacesTheOldOne() throws IOException {
        Path idx = dir.resolve("idx");
        Fixtures.importFiles(idx, hts("Lithium-ion batteries"));
        Fixtures.importFiles(idx, Fixtures.write(dir, "next.csv", Fixtures.BOM + Fixtures.HTSUS_HEADER
                + Fixtures.hts("8507", 0, "Electric accumulators:", "", "")
                + Fixtures.hts("8507.80.00", 1, "Other accumulators", "", "3.4%")));
        try (ReferenceIndex index = ReferenceIndex.open(idx)) {
            assertTrue(index.tariff("HTSUS", "8507.60.00").isEmpty(), "a line gone from the new edition is gone");
            assertEquals(List.of("8507 Electric accumulators"), index.tariff("HTSUS", "8507.80.00").orElseThrow().path());
            Coverage.Source source = index.coverage().source("tariff:HTSUS").orElseThrow();
            assertEquals("next", source.edition());
            assertEquals(2, source.rows());
        }
    }

    @Test
    void anOpenIndexPicksUpAnImportMadeElsewhereOnRefresh() throws IOException {
        Path idx = dir.resolve("idx");
        try (ReferenceIndex index = ReferenceIndex.open(idx)) {
            assertTrue(index.coverage().sources().isEmpty());
            assertFalse(index.refreshIfChanged());
            Fixtures.importFiles(idx, hts("Lithium-ion batteries"));
            assertTrue(index.tariff("HTSUS", "8507.60.00").isEmpty(), "not before the refresh");
            assertTrue(index.refreshIfChanged());
            assertEquals("Lithium-ion batteries", index.tariff("HTSUS", "8507.60.00").orElseThrow().description());
            assertTrue(index.coverage().has("tariff:HTSUS"));
            assertFalse(index.refreshIfChanged());
        }
    }

    @Test
    void aSearchAnswersFromTheNewEditionOnceTheIndexIsRefreshed() throws IOException {
        Path idx = dir.resolve("idx");
        Fixtures.importFiles(idx, hts("Lithium-ion batteries"));
        try (ReferenceIndex index = ReferenceIndex.open(idx)) {
            assertEquals("8507.60.00", index.searchTariff("lithium batteries", "HTSUS", 5).get(0).code());
            Fixtures.importFiles(idx, Fixtures.write(dir, "next.csv", Fixtures.BOM + Fixtures.HTSUS_HEADER
                    + Fixtures.hts("8507", 0, "Electric accumulators:", "", "")
                    + Fixtures.hts("8507.80.00", 1, "Lithium batteries of a new kind", "", "3.4%")));
            assertTrue(index.refreshIfChanged());
            assertEquals("8507.80.00", index.searchTariff("lithium batteries", "HTSUS", 5).get(0).code(),
                    "a remembered answer must not outlive the edition it came from");
        }
    }

    @Test
    void rememberedCountriesAndCitiesDoNotOutliveARefresh() throws IOException {
        Path idx = dir.resolve("idx");
        try (ReferenceIndex index = ReferenceIndex.open(idx)) {
            assertTrue(index.country("US").isEmpty());
            assertTrue(index.placesByCity("US", "Washington", 5).isEmpty());
            ReferenceImporter.importBundledIfEmpty(idx, Fixtures.bundled());
            assertTrue(index.country("us").isEmpty(), "remembered until the refresh");
            assertTrue(index.refreshIfChanged());
            assertEquals("USA", index.country("US").orElseThrow().alpha3(), "an empty answer is not kept past it");
            assertEquals(index.country("US"), index.country("us"));
            assertFalse(index.placesByCity("US", "Washington", 5).isEmpty());
        }
    }

    @Test
    void importsTheBundledSampleOnlyIntoAnEmptyIndex() throws IOException {
        Path idx = dir.resolve("idx");
        List<ImportSummary> first = ReferenceImporter.importBundledIfEmpty(idx, Fixtures.bundled());
        assertTrue(first.stream().allMatch(ImportSummary::ok));
        assertTrue(first.stream().mapToLong(ImportSummary::rowsIndexed).sum() > 250);
        assertEquals(List.of(), ReferenceImporter.importBundledIfEmpty(idx, Fixtures.bundled()));
        try (ReferenceIndex index = ReferenceIndex.open(idx)) {
            Coverage c = index.coverage();
            assertTrue(c.bundledOnly());
            assertTrue(c.source("hazmat").orElseThrow().edition().startsWith("bundled sample"));
            assertTrue(c.has("postal:US") && c.has("tariff:HS") && c.has("tariff:HTSUS") && c.has("countries")
                    && c.has("subdivisions") && c.has("currencies"));
        }
    }

    @Test
    void officialDataOverTheSampleIsNoLongerBundledOnly() throws IOException {
        Path idx = dir.resolve("idx");
        ReferenceImporter.importBundledIfEmpty(idx, Fixtures.bundled());
        Fixtures.importFiles(idx, hts("Lithium-ion batteries"));
        try (ReferenceIndex index = ReferenceIndex.open(idx)) {
            assertFalse(index.coverage().bundledOnly());
            assertFalse(index.coverage().source("tariff:HTSUS").orElseThrow().bundled());
            assertTrue(index.coverage().source("tariff:HS").orElseThrow().bundled());
        }
    }

    @Test
    void servesLookupsFromManyThreadsWhileNewEditionsLand() throws Exception {
        Path idx = dir.resolve("idx");
        ReferenceImporter.importBundledIfEmpty(idx, Fixtures.bundled());
        try (ReferenceIndex index = ReferenceIndex.open(idx)) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            List<java.util.concurrent.Future<Integer>> workers = new java.util.ArrayList<>();
            for (int t = 0; t < 3; t++) {
                workers.add(pool.submit(() -> {
                    int calls = 0;
                    while (!stop.get()) {
                        assertEquals("New York", index.postalPlaces("US", "10001").get(0).place());
                        assertEquals("9", index.hazmat("UN3480").get(0).hazardClass());
                        assertFalse(index.searchTariff("lithium ion battery", "HTSUS", 3).isEmpty());
                        calls++;
                    }
                    return calls;
                }));
            }
            for (int i = 0; i < 5; i++) {
                Fixtures.importFiles(idx, Fixtures.bundled().resolve("tariff/htsus_sample.csv"));
                index.refreshIfChanged();
            }
            stop.set(true);
            for (var w : workers) {
                assertTrue(w.get() > 0);
            }
            pool.shutdown();
        }
    }

    @Test
    void reportsFilesItDoesNotKnowWithoutFailing() throws IOException {
        List<ImportSummary> s = Fixtures.importFiles(dir.resolve("idx"),
                Fixtures.write(dir, "notes.csv", "position,column_name\n1,Version\n"));
        assertTrue(s.get(0).ok());
        assertEquals(0, s.get(0).rowsIndexed());
        assertTrue(s.get(0).skipped().containsKey("not a reference format ShipAudit imports"));
    }

    @Test
    void looksUpCountriesCurrenciesAndSubdivisions() throws IOException {
        Path idx = dir.resolve("idx");
        ReferenceImporter.importBundledIfEmpty(idx, Fixtures.bundled());
        try (ReferenceIndex index = ReferenceIndex.open(idx)) {
            assertEquals(new Country("DE", "DEU", "276", "Germany", "EUR"), index.country("de").orElseThrow());
            assertTrue(index.country("XX").isEmpty());
            assertEquals(new Currency("JPY", "392", "Yen", 0), index.currency("jpy").orElseThrow());
            assertTrue(index.currency("DEM").isEmpty(), "withdrawn currencies are not current");
            assertTrue(index.subdivisionExists("US", "NY"));
            assertTrue(index.subdivisionExists("us", "US-PR"));
            assertTrue(index.subdivisionExists("US", "new york"));
            assertFalse(index.subdivisionExists("US", "ZZ"));
            assertTrue(index.subdivisionExists("DE", "BY"));
        }
    }
}
