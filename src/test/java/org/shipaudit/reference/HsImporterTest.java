package org.shipaudit.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HsImporterTest {
    @TempDir
    Path dir;

    private Path hs() throws IOException {
        return Fixtures.write(dir, "hs.csv", """
                section,hscode,description,parent,level
                XI,61,Apparel; knitted,TOTAL,2
                XI,6109,"T-shirts, singlets and vests; knitted",61,4
                XI,610910,"T-shirts, singlets and vests; of cotton, knitted",6109,6
                XXI,99,Commodities not specified,TOTAL,2
                XXI,9999,Commodities not specified,99,4
                XXI,999999,Commodities not specified,9999,6
                """);
    }

    @Test
    void importsChaptersHeadingsAndSubheadingsWithTheirParents() throws IOException {
        Fixtures.importFiles(dir.resolve("idx"), hs());
        try (ReferenceIndex index = ReferenceIndex.open(dir.resolve("idx"))) {
            TariffLine line = index.tariff("HS", "610910").orElseThrow();
            assertEquals("6109.10", line.code());
            assertEquals("6109", line.parentCode());
            assertEquals(List.of("61 Apparel; knitted", "6109 T-shirts, singlets and vests; knitted"), line.path());
            assertEquals(6, line.level());
            assertEquals("61", index.tariff(null, "61").orElseThrow().code(), "schedule null means HS");
        }
    }

    @Test
    void cutsANationalCodeToItsSixDigitsOnHs() throws IOException {
        Fixtures.importFiles(dir.resolve("idx"), hs());
        try (ReferenceIndex index = ReferenceIndex.open(dir.resolve("idx"))) {
            assertEquals("6109.10", index.tariff("HS", "6109.10.0012").orElseThrow().code());
        }
    }

    @Test
    void skipsTotalAndPseudoCodesAndSaysSo() throws IOException {
        ImportSummary s = Fixtures.importFiles(dir.resolve("idx"), hs()).get(0);
        assertEquals(6, s.rowsRead());
        assertEquals(3, s.rowsIndexed());
        assertEquals(3L, s.skipped().get("UN Comtrade pseudo code 99/9999/999999"));
        try (ReferenceIndex index = ReferenceIndex.open(dir.resolve("idx"))) {
            assertTrue(index.tariff("HS", "999999").isEmpty());
        }
    }

    @Test
    void rejectsACodeThatDoesNotFitItsLevel() throws IOException {
        Path bad = Fixtures.write(dir, "bad.csv", """
                section,hscode,description,parent,level
                XI,61,Apparel,TOTAL,2
                XI,61091,Odd,61,6
                """);
        ImportSummary s = Fixtures.importFiles(dir.resolve("idx"), bad).get(0);
        assertFalse(s.ok());
        assertTrue(s.error().contains("row 3") && s.error().contains("expected a 6-digit HS code"), s.error());
    }
}
