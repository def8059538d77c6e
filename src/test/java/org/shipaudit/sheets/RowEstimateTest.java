package org.shipaudit.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowEstimateTest {

    @TempDir
    Path dir;

    @Test
    void estimatesACsvFromItsSizeAndTheFirstRowsWithinFivePercent() throws Exception {
        StringBuilder b = new StringBuilder("invoice_number,tracking_number,charge_description,charge_amount\n");
        for (int i = 1; i <= 40_000; i++) {
            // Rows of varying width, as real charge descriptions are.
            b.append("INV-").append(i % 7).append(",1Z").append(String.format("%016d", i)).append(',')
                    .append(i % 3 == 0 ? "Residential Surcharge" : i % 3 == 1 ? "Fuel" : "Ground Commercial")
                    .append(',').append(i % 100).append(".50\n");
        }
        Path csv = Sheets.csv(dir, "big.csv", b.toString());
        RowEstimate e = RowEstimate.of(csv).orElseThrow();
        assertFalse(e.exact());
        assertTrue(Math.abs(e.rows() - 40_000) < 2_000, "estimated " + e.rows() + " of 40,000");
    }

    @Test
    void countsTheRowsOfACsvSmallEnoughToBeSampledWhole() throws Exception {
        assertEquals(3, RowEstimate.of(Sheets.csv(dir, "a.csv", "h1,h2\n1,2\n3,4\n5,6")).orElseThrow().rows());
        assertEquals(3, RowEstimate.of(Sheets.csv(dir, "b.csv", "h1,h2\n1,2\n3,4\n5,6\n")).orElseThrow().rows());
        assertEquals(0, RowEstimate.of(Sheets.csv(dir, "empty.csv", "")).orElseThrow().rows());
    }

    @Test
    void takesAWorkbooksRowsFromTheWorksheetDimension() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Sheets.row("invoice_number", "tracking_number", "charge_amount"));
        for (int i = 1; i <= 500; i++) {
            rows.add(Sheets.row("INV-1", "1Z" + i, 10.5));
        }
        RowEstimate e = RowEstimate.of(Sheets.xlsx(dir, "inv.xlsx", rows)).orElseThrow();
        assertEquals(new RowEstimate(500, true), e);
    }

    @Test
    void estimatesAWorkbookWithoutADimensionFromTheWorksheetsSize() throws Exception {
        Path xlsx = dir.resolve("nodim.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(xlsx))) {
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            StringBuilder b = new StringBuilder("<worksheet><sheetData>");
            for (int r = 1; r <= 20_001; r++) {
                b.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\" t=\"inlineStr\"><is><t>")
                        .append(r % 2 == 0 ? "Fuel" : "Transportation").append("</t></is></c></row>");
            }
            zip.write(b.append("</sheetData></worksheet>").toString().getBytes(StandardCharsets.UTF_8));
        }
        RowEstimate e = RowEstimate.of(xlsx).orElseThrow();
        assertFalse(e.exact());
        assertTrue(Math.abs(e.rows() - 20_000) < 1_000, "estimated " + e.rows() + " of 20,000");
    }

    @Test
    void givesNoEstimateForAZipThatIsNotAWorkbook() throws Exception {
        Path zipFile = dir.resolve("x.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(zipFile))) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w/>".getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(RowEstimate.of(zipFile).isEmpty());
        assertTrue(RowEstimate.of(dir.resolve("missing.csv")).isEmpty());
    }
}
