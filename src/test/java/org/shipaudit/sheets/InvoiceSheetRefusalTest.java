package org.shipaudit.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shipaudit.sheets.Sheets.row;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not readable invoices: each gets a typed refusal with its HTTP status, quickly, without OOM. */
class InvoiceSheetRefusalTest {

    @TempDir
    Path dir;

    private final InvoiceSheetReader reader = new InvoiceSheetReader(InvoiceProfile.AUTO);

    private InvoiceSheetException refused(Path f) {
        return assertThrows(InvoiceSheetException.class, () -> reader.read(f, new Sheets.Collected()));
    }

    private Path smallXlsx() throws IOException {
        return Sheets.xlsx(dir, "ok.xlsx", List.of(
                row("invoice_number", "invoice_date", "carrier", "tracking_number", "ship_date", "service",
                        "actual_weight", "billed_weight", "freight"),
                row("I", "2026-11-20", "UPS", "1Z", "2026-11-16", "GROUND", 1, 1, 5)));
    }

    /** A copy of {@code xlsx} whose first worksheet XML is what {@code sheet} writes. */
    private Path withSheet(Path xlsx, String name, SheetXml sheet) throws IOException {
        Path out = dir.resolve(name);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(xlsx));
                ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    sheet.write(zip);
                } else {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
        return out;
    }

    interface SheetXml {
        void write(OutputStream out) throws IOException;
    }

    @Test
    void randomBytesAreNotASpreadsheet() throws IOException {
        byte[] junk = new byte[10_000];
        new Random(7).nextBytes(junk);
        Path f = dir.resolve("junk.csv");
        Files.write(f, junk);
        InvoiceSheetException e = refused(f);
        assertEquals(InvoiceSheetException.Reason.NOT_A_SPREADSHEET, e.reason());
        assertEquals(415, e.status());
    }

    @Test
    void aPngIsNotASpreadsheet() throws IOException {
        Path f = dir.resolve("logo.xlsx");
        Files.write(f, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        InvoiceSheetException e = refused(f);
        assertEquals(415, e.status());
        assertTrue(e.getMessage().contains("png"), e.getMessage());
    }

    @Test
    void aZipThatIsNoWorkbookIsNotASpreadsheet() throws IOException {
        Path f = dir.resolve("photos.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(f))) {
            zip.putNextEntry(new ZipEntry("a.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(415, refused(f).status());
    }

    @Test
    void aLegacyXlsWorkbookIsRefusedWithAdvice() throws IOException {
        Path f = dir.resolve("old.xls");
        try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(f)) {
            wb.createSheet("Invoice").createRow(0).createCell(0).setCellValue("invoice_number");
            wb.write(out);
        }
        InvoiceSheetException e = refused(f);
        assertEquals(InvoiceSheetException.Reason.LEGACY_XLS, e.reason());
        assertEquals(415, e.status());
        assertTrue(e.getMessage().contains("save it as .xlsx"), e.getMessage());
    }

    @Test
    void anEncryptedWorkbookIsUnprocessable() throws Exception {
        Path plain = smallXlsx();
        Path f = dir.resolve("secret.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor enc = info.getEncryptor();
            enc.confirmPassword("s3cret");
            try (OutputStream os = enc.getDataStream(fs); InputStream in = Files.newInputStream(plain)) {
                in.transferTo(os);
            }
            try (OutputStream out = Files.newOutputStream(f)) {
                fs.writeFilesystem(out);
            }
        }
        InvoiceSheetException e = refused(f);
        assertEquals(InvoiceSheetException.Reason.ENCRYPTED, e.reason());
        assertEquals(422, e.status());
        assertTrue(e.getMessage().contains("password"), e.getMessage());
    }

    @Test
    void aZipBombIsUnprocessableFastAndWithoutRunningOutOfMemory() throws IOException {
        Path f = withSheet(smallXlsx(), "bomb.xlsx", out -> {
            out.write("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>".getBytes(StandardCharsets.US_ASCII));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 200; i++) {
                out.write(spaces);
            }
            out.write("</sheetData></worksheet>".getBytes(StandardCharsets.US_ASCII));
        });
        assertTrue(Files.size(f) < 1_000_000, "the bomb is small: " + Files.size(f));
        InvoiceSheetException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> refused(f));
        assertEquals(InvoiceSheetException.Reason.ZIP_BOMB, e.reason());
        assertEquals(422, e.status());
    }

    @Test
    void aCorruptWorkbookIsUnprocessable() throws IOException {
        Path ok = smallXlsx();
        byte[] bytes = Files.readAllBytes(ok);
        Path f = dir.resolve("cut.xlsx");
        Files.write(f, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        InvoiceSheetException e = refused(f);
        assertEquals(422, e.status(), e.reason() + ": " + e.getMessage());
    }

    @Test
    void aFileOverTheLimitIsTooLarge() throws IOException {
        Path f = Sheets.csv(dir, "big.csv", "x".repeat(2000));
        InvoiceSheetException e = assertThrows(InvoiceSheetException.class,
                () -> reader.withMaxBytes(1000).read(f, new Sheets.Collected()));
        assertEquals(413, e.status());
    }

    @Test
    void aSheetWithoutAnyRecognisableHeaderIsUnprocessable() throws IOException {
        Path f = Sheets.csv(dir, "notes.csv", "Dear customer,\nplease find attached\n");
        InvoiceSheetException e = refused(f);
        assertEquals(InvoiceSheetException.Reason.NO_HEADER, e.reason());
        assertEquals(422, e.status());
    }

    @Test
    void anEmptyFileIsUnprocessable() throws IOException {
        Path f = Sheets.csv(dir, "empty.csv", "");
        assertEquals(422, refused(f).status());
    }

    @Test
    void aSheetWithAMillionEmptyRowsFinishesQuicklyAndStillReadsTheRowAfterThem() throws Exception {
        Path f = withSheet(smallXlsx(), "empty-rows.xlsx", out -> {
            var w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.US_ASCII), 1 << 16);
            w.write("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            String[] h = {"invoice_number", "invoice_date", "carrier", "tracking_number", "ship_date", "service",
                "actual_weight", "billed_weight", "freight"};
            w.write("<row r=\"1\">");
            for (String s : h) {
                w.write("<c t=\"inlineStr\"><is><t>" + s + "</t></is></c>");
            }
            w.write("</row>");
            for (int r = 2; r <= 1_000_001; r++) {
                // What Excel writes for rows that were formatted once and emptied: a styled cell with no value.
                w.write("<row r=\"" + r + "\"><c r=\"A" + r + "\" s=\"0\"/></row>");
            }
            w.write("<row r=\"1000002\">");
            for (String s : new String[] {"I", "2026-11-20", "UPS", "1Z", "2026-11-16", "GROUND", "1", "1", "5"}) {
                w.write("<c t=\"inlineStr\"><is><t>" + s + "</t></is></c>");
            }
            w.write("</row></sheetData></worksheet>");
            w.flush();
        });
        Sheets.Collected out = new Sheets.Collected();
        SheetSummary s = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> reader.read(f, out));
        assertEquals(1_000_000, s.skippedEmptyRows());
        assertEquals(1, s.rowsRead());
        assertEquals(1_000_002, out.rows.get(0).row());
    }

    @Test
    void aCsvWhoseQuoteNeverClosesIsUnprocessableNamingTheRow() throws IOException {
        Path f = Sheets.csv(dir, "open.csv", "invoice_number,invoice_date,carrier,tracking_number,ship_date,service,"
                + "actual_weight,billed_weight,freight\nI,2026-11-20,UPS,\"1Z,2026-11-16,GROUND,1,1,5\n");
        InvoiceSheetException e = refused(f);
        assertEquals(InvoiceSheetException.Reason.CORRUPT, e.reason());
        assertTrue(e.getMessage().contains("row 2"), e.getMessage());
    }

    @Test
    void readsExcelUnicodeTextUtf16TabSeparated() throws Exception {
        Path f = dir.resolve("unicode.txt");
        String text = "\uFEFFinvoice_number\tinvoice_date\tcarrier\ttracking_number\tship_date\tservice\t"
                + "actual_weight\tbilled_weight\tfreight\r\nI\t2026-11-20\tUPS\t1Z\t2026-11-16\tGROUND\t1\t1\t5\r\n";
        Files.write(f, text.getBytes(StandardCharsets.UTF_16LE));
        Sheets.Collected out = new Sheets.Collected();
        SheetSummary s = reader.read(f, out);
        assertEquals(1, s.chargeLines());
        assertEquals("1Z", out.lines().get(0).trackingNumber());
    }
}
