package org.shipaudit.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtsusImporterTest {
    @TempDir
    Path dir;

    private Path htsus() throws IOException {
        return Fixtures.write(dir, "hts.csv", Fixtures.BOM + Fixtures.HTSUS_HEADER
                + Fixtures.hts("6109", 0, "T-shirts, singlets, tank tops and similar garments, knitted or crocheted:", "", "")
                + "\"6109.10.00\",\"1\",\"Of cotton\",\"\",\"16.5%\",\"Free (AU,BH)\",\"90%\",\"\",\"\"\n"
                + Fixtures.hts("", 2, "Men's or boys':", "", "")
                + Fixtures.hts("", 3, "Other T-shirts:", "", "")
                + Fixtures.hts("6109.10.00.12", 4, "Men's (338)", "[\"doz.\",\"kg\"]", "")
                + Fixtures.hts("", 2, "Women's or\ngirls':", "", "")
                + Fixtures.hts("6109.10.00.40", 3, "T-shirts (339)", "[\"doz.\",\"kg\"]", "")
                + Fixtures.hts("7117", 0, "Imitation jewelry:", "", "")
                + Fixtures.hts("7117.19", 1, "Other:", "", "")
                + Fixtures.hts("7117.19.90.00", 2, "Other", "[\"kg\"]", "11%")
                + Fixtures.hts("7117.90.00.00", 1, "Other", "[\"kg\"]", "11%"));
    }

    @Test
    void rebuildsTheHierarchyFromTheIndentColumn() throws IOException {
        Fixtures.importFiles(dir.resolve("idx"), htsus());
        try (ReferenceIndex index = ReferenceIndex.open(dir.resolve("idx"))) {
            TariffLine line = index.tariff("HTSUS", "6109.10.00.12").orElseThrow();
            assertEquals("6109.10.00", line.parentCode());
            assertEquals(10, line.level());
            assertEquals(List.of("doz.", "kg"), line.units());
            assertEquals("6109 T-shirts, singlets, tank tops and similar garments, knitted or crocheted",
                    line.path().get(0), "heading colon dropped, code first");
        }
    }

    @Test
    void keepsUnnumberedHeadingTextInThePathOfTheRowsBelow() throws IOException {
        Fixtures.importFiles(dir.resolve("idx"), htsus());
        try (ReferenceIndex index = ReferenceIndex.open(dir.resolve("idx"))) {
            assertEquals(List.of("6109 T-shirts, singlets, tank tops and similar garments, knitted or crocheted",
                            "6109.10.00 Of cotton", "Men's or boys'", "Other T-shirts"),
                    index.tariff("HTSUS", "6109100012").orElseThrow().path());
            assertEquals("Women's or girls'", index.tariff("HTSUS", "6109100040").orElseThrow().path().get(2),
                    "a quoted line break inside a heading is read, as a space");
        }
    }

    @Test
    void startsPathsAtTheHsChapterWhenHsIsLoaded() throws IOException {
        Path hs = Fixtures.write(dir, "hs.csv", "section,hscode,description,parent,level\n"
                + "XI,61,Apparel; knitted,TOTAL,2\nXI,6109,T-shirts,61,4\n");
        Fixtures.importFiles(dir.resolve("idx"), htsus(), hs);
        try (ReferenceIndex index = ReferenceIndex.open(dir.resolve("idx"))) {
            TariffLine heading = index.tariff("HTSUS", "6109").orElseThrow();
            assertEquals(List.of("61 Apparel; knitted"), heading.path());
            assertEquals("61", heading.parentCode());
            assertEquals("61 Apparel; knitted", index.tariff("HTSUS", "6109.10.00.12").orElseThrow().path().get(0));
            assertEquals(List.of("7117 Imitation jewelry", "7117.19 Other"),
                    index.tariff("HTSUS", "7117.19.90.00").orElseThrow().path().subList(0, 2),
                    "no chapter line when HS does not have it");
        }
    }

    @Test
    void givesStatisticalLinesTheRatesOfTheirRateLine() throws IOException {
        Fixtures.importFiles(dir.resolve("idx"), htsus());
        try (ReferenceIndex index = ReferenceIndex.open(dir.resolve("idx"))) {
            TariffLine line = index.tariff("HTSUS", "6109.10.00.12").orElseThrow();
            assertEquals("16.5%", line.dutyGeneral());
            assertEquals("Free (AU,BH)", line.dutySpecial());
            assertEquals("90%", line.dutyColumn2());
        }
    }

    @Test
    void findsAnEightDigitLinePrintedOnlyAsItsTenDigitLine() throws IOException {
        Fixtures.importFiles(dir.resolve("idx"), htsus());
        try (ReferenceIndex index = ReferenceIndex.open(dir.resolve("idx"))) {
            assertEquals("7117.19.90.00", index.tariff("HTSUS", "7117.19.90").orElseThrow().code());
            assertEquals("7117.90.00.00", index.tariff("HTSUS", "711790").orElseThrow().code(),
                    "a 6-digit line printed only as its 10-digit line is found too");
            assertEquals("7117.19", index.tariff("HTSUS", "7117.19").orElseThrow().code(),
                    "an existing 6-digit line is not shadowed by an alias");
            assertEquals("6109.10.00", index.tariff("HTSUS", "6109.10").orElseThrow().code(),
                    "a shorter code is padded to the next line that exists");
        }
    }

    @Test
    void summarisesRowsReadIndexedAndSkippedWithReasons() throws IOException {
        ImportSummary s = Fixtures.importFiles(dir.resolve("idx"), htsus()).get(0);
        assertTrue(s.ok());
        assertEquals(11, s.rowsRead());
        assertEquals(8, s.rowsIndexed());
        assertEquals(3L, s.skipped().get("unnumbered heading row (text kept in the path of the rows below)"));
        assertEquals("tariff:HTSUS", s.source());
    }

    @Test
    void rejectsAMalformedFileNamingTheRowAndWhatWasExpected() throws IOException {
        Path bad = Fixtures.write(dir, "bad.csv", Fixtures.BOM + Fixtures.HTSUS_HEADER
                + Fixtures.hts("6109", 0, "T-shirts", "", "")
                + Fixtures.hts("6109.10.00", 1, "Of cotton", "", "16.5%")
                + "\"6109.10.00.12\",\"four\",\"Men's\",\"\",\"\",\"\",\"\",\"\",\"\"\n");
        ImportSummary s = Fixtures.importFiles(dir.resolve("idx"), bad).get(0);
        assertFalse(s.ok());
        assertTrue(s.error().contains("row 4"), s.error());
        assertTrue(s.error().contains("expected a whole number in Indent"), s.error());
    }

    @Test
    void keepsThePreviousEditionWhenANewFileIsMalformed() throws IOException {
        Fixtures.importFiles(dir.resolve("idx"), htsus());
        Path bad = Fixtures.write(dir, "bad.csv", Fixtures.BOM + Fixtures.HTSUS_HEADER
                + Fixtures.hts("9999", 0, "New", "", "")
                + "\"1\",\"2\"\n");
        ImportSummary s = Fixtures.importFiles(dir.resolve("idx"), bad).get(0);
        assertFalse(s.ok());
        assertTrue(s.error().contains("row 3") && s.error().contains("expected 9 columns"), s.error());
        try (ReferenceIndex index = ReferenceIndex.open(dir.resolve("idx"))) {
            assertTrue(index.tariff("HTSUS", "6109.10.00.12").isPresent());
            assertTrue(index.tariff("HTSUS", "9999").isEmpty());
        }
    }

    @Test
    void rejectsAQuoteLeftOpenAndRollsTheFileBack() throws IOException {
        Path bad = Fixtures.write(dir, "open.csv", Fixtures.BOM + Fixtures.HTSUS_HEADER
                + Fixtures.hts("6109", 0, "T-shirts", "", "")
                + "\"6109.10.00\",\"1\",\"Of cotton,\"\"\"\"\n");
        ImportSummary s = Fixtures.importFiles(dir.resolve("idx"), bad).get(0);
        assertFalse(s.ok());
        assertTrue(s.error().contains("not closed"), s.error());
        try (ReferenceIndex index = ReferenceIndex.open(dir.resolve("idx"))) {
            assertTrue(index.tariff("HTSUS", "6109").isEmpty());
        }
    }

    @Test
    void readsTheUnitsListOfTheExport() {
        assertEquals(List.of("doz.", "kg"), HtsusImporter.units("[\"doz.\",\"kg\"]"));
        assertEquals(List.of(), HtsusImporter.units(""));
    }
}
