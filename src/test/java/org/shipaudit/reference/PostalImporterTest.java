package org.shipaudit.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostalImporterTest {
    @TempDir
    Path dir;

    private static final String ALL = Fixtures.GEONAMES_HEADER
            + "US,10001,New York,New York,NY,New York,061,,,40.7484,-73.9967\n"
            + "GB,SW1,Westminster,England,ENG,Greater London,,,,51.5,-0.1167\n"
            + "CA,M5V,Downtown Toronto,Ontario,ON,Toronto,,,,43.64,-79.39\n"
            + "SE,624 66,Visby,Gotland,09,,,,,57.6,18.3\n"
            + "LV,LV-5101,Aizkraukle,Aizkraukles novads,,,,,,56.6,25.2\n";

    @Test
    void readsTheGzippedAllCountriesFileAndFindsCodesAsUsersWriteThem() throws IOException {
        ImportSummary s = Fixtures.importFiles(dir.resolve("idx"), Fixtures.gzip(dir, "all.csv.gz", ALL)).get(0);
        assertEquals(5, s.rowsIndexed());
        assertEquals("postal (5 countries)", s.source());
        try (ReferenceIndex index = ReferenceIndex.open(dir.resolve("idx"))) {
            PostalPlace ny = index.postalPlaces("us", " 10001-1234 ").get(0);
            assertEquals(new PostalPlace("US", "10001", "New York", "New York", "NY", "New York", 40.7484, -73.9967), ny);
            assertEquals("Westminster", index.postalPlaces("GB", "SW1A 1AA").get(0).place(), "district of the outward code");
            assertEquals("Westminster", index.postalPlaces("GB", "sw1a1aa").get(0).place());
            assertEquals("Downtown Toronto", index.postalPlaces("CA", "M5V 3L9").get(0).place(), "forward sortation area");
            assertEquals("Visby", index.postalPlaces("SE", "62466").get(0).place());
            assertEquals("Aizkraukle", index.postalPlaces("LV", "5101").get(0).place());
            assertTrue(index.postalPlaces("US", "99999").isEmpty());
            assertTrue(index.postalPlaces("JP", "100-0001").isEmpty());
            assertEquals(5, index.coverage().sources().stream().filter(c -> c.id().startsWith("postal:")).count());
        }
    }

    @Test
    void replacesOnlyTheCountriesAFileContains() throws IOException {
        Path idx = dir.resolve("idx");
        Fixtures.importFiles(idx, Fixtures.gzip(dir, "all.csv.gz", ALL));
        Fixtures.importFiles(idx, Fixtures.write(dir, "us.csv", Fixtures.GEONAMES_HEADER
                + "US,10001,New York City,New York,NY,New York,061,,,40.7484,-73.9967\n"
                + "US,10002,New York,New York,NY,New York,061,,,40.71,-73.98\n"));
        try (ReferenceIndex index = ReferenceIndex.open(idx)) {
            assertEquals(List.of("New York City"), index.postalPlaces("US", "10001").stream().map(PostalPlace::place).toList());
            assertEquals(1, index.postalPlaces("GB", "SW1").size(), "other countries untouched");
            assertEquals(2, index.coverage().source("postal:US").orElseThrow().rows());
        }
    }
}
