package org.shipaudit.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.model.AccessorialCharge;
import org.shipaudit.model.DeliveryAreaTier;

/**
 * FedEx's surcharge-changes PDF read by position, on documents written here in its layout (a title page, then a
 * table of surcharge name, services, last year's amount and this year's); the shared 2026 document is pinned by
 * {@code CarrierAccessorialAmountsTest}.
 */
class FedexSurchargeChangesTest {

    @TempDir
    Path dir;

    private static final String[] TITLE = {"2026 changes to FedEx surcharges & fees",
            "The following surcharge changes will take effect Jan. 5, 2026, unless otherwise noted."};

    @Test
    void readsEachDeliveryAreaRowAtTheLaterYearsAmountWithWrappedLabelsAndLeavesDatedRowsOut() throws IOException {
        Path pdf = write("changes.pdf", TITLE, List.of(
                new String[] {"Surcharge name", "Applicable services", "2025", "2026"},
                new String[] {"Declared Value", "U.S. Package Services", "$4.50 per package", "$4.95 per package"},
                new String[] {"Delivery Area Surcharge", "U.S. Package Services (Residential)", "$6.20 per package",
                        "$6.60 per package"},
                new String[] {"", "U.S. Package Services", "$5.25 per package", "$5.55 per package"},
                new String[] {"", "(Extended Commercial)", "", ""},
                new String[] {"", "U.S. Package Services (Remote Commercial,", "$15.50 per package", "$16.75 per package"},
                new String[] {"", "Remote Residential)", "", ""},
                new String[] {"", "Alaska Package Services*", "$43 per package", "$46 per package"},
                new String[] {"", "Hawaii Package Services", "$14.50 per package", "$16.25 per package"},
                new String[] {"", "(Residential, Commercial)", "", ""},
                new String[] {"", "Maximum charge with FedEx Express", "$21 per shipment", "$22.25 per shipment"},
                new String[] {"Fuel Surcharge", "U.S. Package Services (Commercial)", "$1 per package", "$2 per package"}));
        assertEquals(ReferenceFormat.FEDEX_SURCHARGE_CHANGES_PDF, FormatDetector.detect(pdf));
        Path idx = dir.resolve("idx");
        try (ReferenceImporter importer = ReferenceImporter.open(idx)) {
            ImportSummary s = importer.importPaths(List.of(pdf)).get(0);
            assertTrue(s.ok(), s.toString());
            assertEquals(4, s.rowsIndexed(), s.toString());
            assertEquals(1, s.rowsSkipped(), "the asterisked Alaska row has a date of its own: " + s);
        }
        try (ReferenceIndex index = ReferenceIndex.open(idx)) {
            AccessorialTables t = index.accessorials();
            LocalDate day = LocalDate.of(2026, 1, 5);
            assertEquals(new BigDecimal("6.60"), t.amount("FEDEX", day, AccessorialCharge.DELIVERY_AREA, true, false,
                    DeliveryAreaTier.DAS, null).orElseThrow().amount());
            assertTrue(t.amount("FEDEX", day, AccessorialCharge.DELIVERY_AREA, false, false, DeliveryAreaTier.DAS,
                    null).isEmpty(), "no commercial row was given");
            assertEquals(new BigDecimal("5.55"), t.amount("FEDEX", day, AccessorialCharge.DELIVERY_AREA, false, true,
                    DeliveryAreaTier.EXTENDED, null).orElseThrow().amount());
            assertEquals(new BigDecimal("16.75"), t.amount("FEDEX", day, AccessorialCharge.DELIVERY_AREA, true, true,
                    DeliveryAreaTier.REMOTE, null).orElseThrow().amount());
            AccessorialAmount hawaii = t.amount("FEDEX", day, AccessorialCharge.DELIVERY_AREA, false, false,
                    DeliveryAreaTier.HAWAII, null).orElseThrow();
            assertEquals(new BigDecimal("16.25"), hawaii.amount());
            assertEquals("Delivery Area Surcharge: Hawaii Package Services (Residential, Commercial)", hawaii.tableRow());
            assertTrue(t.amount("FEDEX", day, AccessorialCharge.DELIVERY_AREA, false, false, DeliveryAreaTier.ALASKA,
                    null).isEmpty());
            assertTrue(t.amount("FEDEX", day.minusDays(1), AccessorialCharge.DELIVERY_AREA, true, false,
                    DeliveryAreaTier.DAS, null).isEmpty(), "not before the date the first page gives");
        }
    }

    @Test
    void aDocumentWithoutTheDeliveryAreaRowsIsRefusedNamingWhatIsMissing() throws IOException {
        Path pdf = write("no-rows.pdf", TITLE, List.of(new String[] {"Surcharge name", "Applicable services", "2025",
                "2026"}, new String[] {"Declared Value", "U.S. Package Services", "$4.50 per package", "$4.95 per package"}));
        try (ReferenceImporter importer = ReferenceImporter.open(dir.resolve("idx"))) {
            ImportSummary s = importer.importPaths(List.of(pdf)).get(0);
            assertFalse(s.ok(), s.toString());
            assertTrue(s.error().contains("no-rows.pdf") && s.error().contains("Delivery Area Surcharge"), s.error());
        }
    }

    @Test
    void otherPdfsAndDamagedOnesAreUnknownNotErrors() throws IOException {
        Path other = write("guide.pdf", new String[] {"FedEx Service Guide", "Effective January 5, 2026"}, List.of());
        assertEquals(ReferenceFormat.UNKNOWN, FormatDetector.detect(other));
        Path damaged = dir.resolve("damaged.pdf");
        Files.writeString(damaged, "%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage");
        assertEquals(ReferenceFormat.UNKNOWN, FormatDetector.detect(damaged));
    }

    /** A title page with {@code title}'s lines, then a page with one line per row, its four cells in columns. */
    private Path write(String name, String[] title, List<String[]> rows) throws IOException {
        Path file = dir.resolve(name);
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        try (PDDocument doc = new PDDocument()) {
            PDPage first = new PDPage();
            doc.addPage(first);
            try (PDPageContentStream cs = new PDPageContentStream(doc, first)) {
                for (int i = 0; i < title.length; i++) {
                    show(cs, font, 50, 700 - 20 * i, title[i]);
                }
            }
            if (!rows.isEmpty()) {
                PDPage table = new PDPage();
                doc.addPage(table);
                try (PDPageContentStream cs = new PDPageContentStream(doc, table)) {
                    float[] columns = {30, 150, 340, 470};
                    for (int r = 0; r < rows.size(); r++) {
                        for (int c = 0; c < 4; c++) {
                            if (!rows.get(r)[c].isEmpty()) {
                                show(cs, font, columns[c], 740 - 12 * r, rows.get(r)[c]);
                            }
                        }
                    }
                }
            }
            doc.save(file.toFile());
        }
        return file;
    }

    private static void show(PDPageContentStream cs, PDType1Font font, float x, float y, String text)
            throws IOException {
        cs.beginText();
        cs.setFont(font, 8);
        cs.newLineAtOffset(x, y);
        cs.showText(text);
        cs.endText();
    }
}
