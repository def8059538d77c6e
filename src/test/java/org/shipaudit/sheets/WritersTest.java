package org.shipaudit.sheets;

import org.shipaudit.csv.CsvReader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.findings.Category;
import org.shipaudit.findings.ClaimEvidence;
import org.shipaudit.findings.Finding;
import org.shipaudit.findings.Severity;
import org.shipaudit.model.api.Money;
import org.shipaudit.model.UploadRow;

class WritersTest {

    @TempDir
    Path dir;

    static Finding finding(String rule, Category category, long row, String amount, Map<String, String> evidence,
            String message) {
        return new Finding(rule, "invoice", "1", category, Severity.WARN, message, null, evidence,
                amount == null ? null : Money.usd(new BigDecimal(amount)), null)
                .at(new UploadRow(row, evidence.get(ClaimEvidence.TRACKING_NUMBER)), null);
    }

    private Path invoice() throws Exception {
        return Sheets.csv(dir, "inv.csv", "invoice_number,invoice_date,carrier,tracking_number,ship_date,service,"
                + "actual_weight,billed_weight,charge_code,charge_description,charge_amount\n"
                + "INV-1,2026-11-20,UPS,1Z1,2026-11-16,GROUND,1,1,FRT,Freight,10.00\n"
                + "INV-1,2026-11-20,UPS,1Z1,2026-11-16,GROUND,1,1,RES,=HYPERLINK(\"http://x\"),4.95\n"
                + "INV-1,2026-11-20,UPS,1Z2,2026-11-16,GROUND,1,1,FSC,Fuel,-1.25\n");
    }

    @Test
    void writesTheAnnotatedWorkbookWithFindingsBesideTheirRowsASummaryWithAChartAndDisputes() throws Exception {
        List<Finding> findings = List.of(
                finding("ACC-001", Category.ACCESSORIAL, 3, "4.95", Map.of("chargeCode", "RES",
                        "billedAmount", "4.95", "expectedAmount", "0.00", "claimDeadline", "2026-12-05"),
                        "Residential surcharge on a commercial address"),
                finding("DUP-001", Category.DUPLICATE, 3, null, Map.of(), "Same charge twice"),
                finding("RAT-002", Category.RATE, 4, "1.25", Map.of("chargeCode", "FSC"), "@SUM(A1) fuel rate"));
        Path report = dir.resolve("report.xlsx");
        SheetSummary s;
        try (OutputStream out = Files.newOutputStream(report)) {
            AnnotatedInvoiceWriter w = new AnnotatedInvoiceWriter(out,
                    AnnotatedInvoiceWriter.byRow(findings)::get);
            s = new InvoiceSheetReader(InvoiceProfile.AUTO).read(invoice(), w);
            w.close();
        }
        assertEquals(3, s.rowsRead());
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(report))) {
            assertEquals(List.of("Invoice", "Summary", "Disputes"),
                    List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2)));
            XSSFSheet inv = wb.getSheet("Invoice");
            XSSFRow header = inv.getRow(0);
            assertEquals("Findings", header.getCell(11).getStringCellValue());
            assertEquals("Disputable amount", header.getCell(13).getStringCellValue());
            XSSFRow row3 = inv.getRow(2);
            assertEquals("1Z1", row3.getCell(3).getStringCellValue());
            assertEquals("ACC-001, DUP-001", row3.getCell(11).getStringCellValue());
            assertTrue(row3.getCell(12).getStringCellValue().contains("Residential surcharge"));
            assertEquals(4.95, row3.getCell(13).getNumericCellValue(), 1e-9);
            assertEquals(3, (int) row3.getCell(14).getNumericCellValue());
            // The formula-looking original cell stays text and is marked so Excel never evaluates it.
            assertEquals(CellType.STRING, row3.getCell(9).getCellType());
            assertEquals("=HYPERLINK(\"http://x\")", row3.getCell(9).getStringCellValue());
            assertTrue(row3.getCell(9).getCellStyle().getQuotePrefixed());
            // A real negative number stays a number.
            XSSFRow row4 = inv.getRow(3);
            assertEquals(CellType.NUMERIC, row4.getCell(10).getCellType());
            assertEquals(-1.25, row4.getCell(10).getNumericCellValue(), 1e-9);
            assertEquals("RAT-002", row4.getCell(11).getStringCellValue());
            assertTrue(inv.getRow(1).getCell(11) == null, "no finding on row 2");

            XSSFSheet summary = wb.getSheet("Summary");
            XSSFDrawing drawing = summary.getDrawingPatriarch();
            assertNotNull(drawing);
            List<XSSFChart> charts = drawing.getCharts();
            assertEquals(1, charts.size());
            assertEquals("Disputable amount by category", charts.get(0).getTitleText().getString());
            List<String> labels = new ArrayList<>();
            summary.forEach(r -> {
                if (r.getCell(0) != null && r.getCell(0).getCellType() == CellType.STRING) {
                    labels.add(r.getCell(0).getStringCellValue());
                }
            });
            assertTrue(labels.containsAll(List.of("ACCESSORIAL", "DUPLICATE", "RATE", "ACC-001", "UPS", "2026-W47")),
                    labels.toString());

            XSSFSheet disputes = wb.getSheet("Disputes");
            assertEquals(2, disputes.getLastRowNum());
            XSSFRow d = disputes.getRow(1);
            assertEquals("1Z1", d.getCell(0).getStringCellValue());
            assertEquals("INV-1", d.getCell(1).getStringCellValue());
            assertEquals("RES", d.getCell(2).getStringCellValue());
            assertEquals(4.95, d.getCell(3).getNumericCellValue(), 1e-9);
            assertEquals(0.0, d.getCell(4).getNumericCellValue(), 1e-9);
            assertEquals(4.95, d.getCell(5).getNumericCellValue(), 1e-9);
            assertEquals("ACC-001", d.getCell(7).getStringCellValue());
            assertEquals("2026-12-05", d.getCell(8).getStringCellValue());
            assertTrue(disputes.getRow(2).getCell(6).getCellStyle().getQuotePrefixed(), "@SUM message stays text");
        }
    }

    @Test
    void writesIdentifiersAsTextRowErrorsOnASheetAndDisputesByDeadline() throws Exception {
        Path file = Sheets.csv(dir, "ids.csv", "invoice_number,invoice_date,carrier,tracking_number,ship_date,service,"
                + "actual_weight,billed_weight,recipient_postal_code,charge_code,charge_description,charge_amount\n"
                + "496609257,2026-11-20,FEDEX,794612345678,2026-11-16,GROUND,1,1,02134,FRT,Freight,10.00\n"
                + "496609257,2026-11-20,FEDEX,794612345679,2026-11-16,GROUND,1,1,10001,FRT,Freight,12.00\n");
        List<Finding> findings = List.of(
                finding("ACC-001", Category.ACCESSORIAL, 2, "4.00", Map.of("trackingNumber", "794612345678",
                        "claimDeadline", "2027-05-19"), "later deadline"),
                finding("SVC-001", Category.SERVICE, 3, "12.00", Map.of("trackingNumber", "794612345679",
                        "claimDeadline", "2026-12-05"), "sooner deadline"));
        Path report = dir.resolve("ids.xlsx");
        try (OutputStream out = Files.newOutputStream(report)) {
            AnnotatedInvoiceWriter w = new AnnotatedInvoiceWriter(out, AnnotatedInvoiceWriter.byRow(findings)::get);
            w.addRowErrors(List.of(new org.shipaudit.model.RowError(7, "charge_amount", "not an amount: 'abc'")));
            new InvoiceSheetReader(InvoiceProfile.AUTO).read(file, w);
            w.close();
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(report))) {
            XSSFRow row2 = wb.getSheet("Invoice").getRow(1);
            assertEquals(CellType.STRING, row2.getCell(0).getCellType(), "invoice number as text");
            assertEquals("496609257", row2.getCell(0).getStringCellValue());
            assertEquals("794612345678", row2.getCell(3).getStringCellValue(), "never 7.94612E+11");
            assertEquals("02134", row2.getCell(8).getStringCellValue(), "the ZIP keeps its leading zero");
            assertEquals(CellType.NUMERIC, row2.getCell(11).getCellType(), "an amount stays a number");
            XSSFSheet errors = wb.getSheet("Row errors");
            assertNotNull(errors);
            assertEquals(7, (int) errors.getRow(1).getCell(0).getNumericCellValue());
            assertEquals("not an amount: 'abc'", errors.getRow(1).getCell(2).getStringCellValue());
            List<String> summary = new ArrayList<>();
            wb.getSheet("Summary").forEach(r -> summary.add(r.getCell(0) == null ? "" : r.getCell(0).toString()));
            assertTrue(summary.containsAll(List.of("Claim deadline", "2026-12-05", "2027-05-19", "FEDEX")),
                    "claims totalled by carrier and by deadline: " + summary);
            XSSFSheet disputes = wb.getSheet("Disputes");
            assertEquals("SVC-001", disputes.getRow(1).getCell(7).getStringCellValue(), "soonest deadline first");
            assertEquals("ACC-001", disputes.getRow(2).getCell(7).getStringCellValue());
        }
    }

    @Test
    void writesOneDisputeLinePerDisputableFindingWithEscapingAndInjectionGuards() throws Exception {
        StringWriter sw = new StringWriter();
        try (DisputesCsvWriter w = new DisputesCsvWriter(sw)) {
            w.write(finding("ACC-001", Category.ACCESSORIAL, 3, "4.95", Map.of("trackingNumber", "1Z1",
                    "invoiceNumber", "INV,1", "chargeCode", "RES", "billedAmount", "4.95", "expectedAmount", "0",
                    "claimDeadline", "2026-12-05"), "Residential \"surcharge\"\non a commercial address"));
            w.write(finding("DUP-001", Category.DUPLICATE, 3, null, Map.of(), "not a claim"));
            w.write(finding("RAT-001", Category.RATE, 4, "2.00", Map.of("chargeCode", "=cmd|' /C calc'!A0",
                    "billedAmount", "-3.00"), "+rate"));
            w.write(finding("RCB-005", Category.CHARGEBACK, 6, "15.00", Map.of("chargeCode", "OTIF", "billedAmount",
                    "45.00", "expectedAmount", "30.00", "claimDeadline", "", "retailer", "WALMART", "poNumber",
                    "WM-7731", "reference", "=HYPERLINK(1)"), "fine above 3 %"));
            assertEquals(3, w.lines());
        }
        CsvReader r = new CsvReader(new StringReader(sw.toString()));
        assertEquals(DisputesCsvWriter.COLUMNS, r.next());
        assertEquals(List.of("1Z1", "INV,1", "RES", "4.95", "0", "4.95",
                "Residential \"surcharge\"\non a commercial address", "ACC-001", "2026-12-05", "USD", "", "", ""),
                r.next());
        assertEquals(List.of("", "", "'=cmd|' /C calc'!A0", "-3.00", "", "2.00", "'+rate", "RAT-001", "", "USD", "", "",
                ""), r.next());
        assertEquals(List.of("", "", "OTIF", "45.00", "30.00", "15.00", "fine above 3 %", "RCB-005", "", "USD",
                "WALMART", "WM-7731", "'=HYPERLINK(1)"), r.next());
        assertEquals(null, r.next());
        assertTrue(sw.toString().contains("\r\n"));
    }

    @Test
    void writesFindingsAsCsv() throws Exception {
        List<Finding> findings = List.of(finding("ACC-001", Category.ACCESSORIAL, 17, "4.95",
                Map.of("chargeCode", "RES"), "-residential"));
        StringWriter sw = new StringWriter();
        try (FindingsCsvWriter w = new FindingsCsvWriter(sw)) {
            w.writeAll(findings);
        }
        CsvReader r = new CsvReader(new StringReader(sw.toString()));
        assertEquals(FindingsCsvWriter.COLUMNS, r.next());
        assertEquals(List.of("ACC-001", "invoice", "1", "ACCESSORIAL", "WARN", "rows[17]", "17", "'-residential",
                "4.95", "USD", "", "chargeCode=RES"), r.next());
    }

    @Test
    void placesHeaderlessUpsRowsOneBelowTheirUploadRowAndSaysSo() throws Exception {
        Path f = Sheets.csv(dir, "ups.csv", Sheets.upsRow(3, "A1", 5, "2026-11-21", 6, "INV", 21, "1Z9", 44, "FRT",
                46, "Ground", 53, "9.00"));
        Path report = dir.resolve("ups.xlsx");
        try (OutputStream out = Files.newOutputStream(report)) {
            AnnotatedInvoiceWriter w = new AnnotatedInvoiceWriter(out, AnnotatedInvoiceWriter.byRow(List.of(
                    finding("SVC-001", Category.SERVICE, 1, "9.00", Map.of(), "late")))::get);
            new InvoiceSheetReader(InvoiceProfile.AUTO).read(f, w);
            w.close();
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(report))) {
            XSSFSheet inv = wb.getSheet("Invoice");
            assertEquals("Tracking Number", inv.getRow(0).getCell(20).getStringCellValue());
            assertEquals("1Z9", inv.getRow(1).getCell(20).getStringCellValue());
            assertEquals("SVC-001", inv.getRow(1).getCell(250).getStringCellValue());
            assertEquals(1, (int) inv.getRow(1).getCell(253).getNumericCellValue());
            assertEquals("1Z9", wb.getSheet("Disputes").getRow(1).getCell(0).getStringCellValue());
        }
    }

    @Test
    void headsTheSummaryWithTheFileJobProfileAndPeriodCovered() throws Exception {
        Path file = Sheets.csv(dir, "period.csv", "invoice_number,invoice_date,carrier,tracking_number,ship_date,service,"
                + "actual_weight,billed_weight,charge_code,charge_description,charge_amount\n"
                + "INV-9,2026-11-23,UPS,1Z0000000000000001,2026-11-18,GROUND,1,1,FRT,Freight,10.00\n"
                + "INV-9,2026-11-23,UPS,1Z0000000000000002,2026-11-12,GROUND,1,1,FRT,Freight,12.00\n");
        Path report = dir.resolve("period.xlsx");
        try (OutputStream out = Files.newOutputStream(report)) {
            AnnotatedInvoiceWriter w = new AnnotatedInvoiceWriter(out, row -> List.of());
            w.origin(new AnnotatedInvoiceWriter.Origin("=week-47.csv", "j-0123456789ab", "generic"));
            new InvoiceSheetReader(InvoiceProfile.AUTO).read(file, w);
            w.close();
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(report))) {
            Map<String, String> header = new java.util.LinkedHashMap<>();
            for (int r = 1; r <= 5; r++) {
                XSSFRow row = wb.getSheet("Summary").getRow(r);
                header.put(row.getCell(0).getStringCellValue(), row.getCell(1).getStringCellValue());
            }
            assertEquals(Map.of("File", "=week-47.csv", "Job", "j-0123456789ab", "Profile", "generic",
                    "Shipped", "2026-11-12 to 2026-11-18", "Invoiced", "2026-11-23"), header);
            var fileCell = wb.getSheet("Summary").getRow(1).getCell(1);
            assertEquals(CellType.STRING, fileCell.getCellType());
            assertTrue(fileCell.getCellStyle().getQuotePrefixed(), "a file name like a formula stays text");
            XSSFSheet invoice = wb.getSheet("Invoice");
            assertEquals(20 * 256, invoice.getColumnWidth(3), "tracking number (18) fitted with a margin");
            assertEquals(9 * 256, invoice.getColumnWidth(2), "the header 'carrier' is longer than 'UPS'");
        }
    }
}
