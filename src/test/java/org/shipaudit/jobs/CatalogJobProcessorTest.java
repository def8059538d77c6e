package org.shipaudit.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.audit.CatalogAuditor;
import org.shipaudit.model.AuditKind;
import org.shipaudit.rules.EvaluationPolicy;
import org.shipaudit.rules.RulePackRegistry;
import org.shipaudit.sheets.InvoiceSheetReader;
import org.shipaudit.store.Database;

/** A catalog job killed after a checkpoint and resumed ends with the findings of an uninterrupted run, each once. */
class CatalogJobProcessorTest {

    @TempDir
    static Path dir;
    static Database db;
    static JobStore store;
    static CatalogJobProcessor processor;
    static Path catalog;

    /** Rows (header is row 1) whose SKU repeats row {@code row - REPEAT_GAP} with another HS code. */
    static final int REPEAT_GAP = 350;

    @BeforeAll
    static void open() throws Exception {
        db = Database.open(dir.resolve("db"));
        store = new JobStore(db);
        processor = new CatalogJobProcessor(new CatalogAuditor(RulePackRegistry.load(Path.of("rules")), null,
                EvaluationPolicy.defaults()), InvoiceSheetReader.DEFAULT_MAX_BYTES);
        StringBuilder csv = new StringBuilder("sku,title,hs_code,country_of_origin,weight,weight_unit\n");
        for (int row = 2; row <= 1001; row++) {
            boolean repeat = row % 97 == 0 && row > REPEAT_GAP + 1;
            String sku = "SKU-" + (repeat ? row - REPEAT_GAP : row);
            String hs = repeat ? "4202.92" : "6109.10";
            String weight = row % 50 == 0 ? "0" : "200";
            csv.append(sku).append(",Cotton t-shirt ").append(repeat ? row - REPEAT_GAP : row).append(',').append(hs)
                    .append(",BD,").append(weight).append(",g\n");
        }
        catalog = dir.resolve("catalog.csv");
        Files.writeString(catalog, csv);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    static Job job(String id, long lastRow) {
        Instant t = Instant.parse("2026-11-20T10:00:00Z");
        return new Job(id, AuditKind.CATALOG.id(), JobStatus.RUNNING, "catalog.csv", "auto", null, 0, null, 0, null, t, t,
                null, null, List.of(), catalog.toString(), 1, lastRow);
    }

    static List<String> findings(String id) {
        List<String> out = new ArrayList<>();
        store.findings(id, f -> out.add(f.row() + " " + f.finding().ruleId() + " " + f.finding().subject() + " "
                + f.finding().evidence().get("firstRow")));
        out.sort(null);
        return out;
    }

    /** Thrown by the "kill": the run dies right after a batch was committed, as a process killed there would. */
    static final class Killed extends RuntimeException {
    }

    @Test
    void aJobKilledAfterACheckpointResumesToTheFindingsOfAnUninterruptedRunEachOnce() throws Exception {
        Job whole = job("j-whole", 0);
        store.insert(whole, "", Files.size(catalog), "test");
        processor.process(new JobRun(whole, store, row -> { }));
        List<String> expected = findings("j-whole");
        long repeats = expected.stream().filter(f -> f.contains(" CAT-021 ")).count();
        assertEquals(7, repeats, "SKUs repeated across batches, each found once: " + expected);
        assertTrue(expected.contains("679 CAT-021 rows[679].hsCode 329"), expected::toString);
        assertTrue(expected.stream().anyMatch(f -> f.startsWith("50 CAT-011 rows[50].weight")), expected::toString);

        Job first = job("j-killed", 0);
        store.insert(first, "", Files.size(catalog), "test");
        int[] checkpoints = {0};
        assertThrows(Killed.class, () -> processor.process(new JobRun(first, store, row -> {
            if (++checkpoints[0] == 2) {
                throw new Killed();
            }
        })));
        Job stored = store.get("j-killed").orElseThrow();
        long resumeAfter = stored.lastRow();
        assertEquals(2L * CatalogJobProcessor.BATCH + 1, resumeAfter, "two batches of products committed");
        assertTrue(findings("j-killed").size() < expected.size());

        // The next attempt starts after the last committed row, as the job service resumes an interrupted job.
        processor.process(new JobRun(job("j-killed", resumeAfter), store, row -> { }));
        assertEquals(expected, findings("j-killed"), "no finding lost or doubled by the kill");
        assertEquals(1000, store.get("j-killed").orElseThrow().rowsDone());
    }

    @Test
    void namesTheColumnAndTheWorksheetOfEachFindingInAnXlsxCatalog() throws Exception {
        Path xlsx = dir.resolve("catalog.xlsx");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = Files.newOutputStream(xlsx)) {
            var sheet = wb.createSheet("Products");
            String[][] rows = {{"SKU", "Product Name", "HTS Code", "Made In", "Item Weight", "Weight Unit"},
                    {"MUG-1", "Ceramic mug", "6912.00", "Atlantis", "350", "g"}};
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            wb.write(out);
        }
        Instant t = Instant.parse("2026-11-20T10:00:00Z");
        Job job = new Job("j-xlsx", AuditKind.CATALOG.id(), JobStatus.RUNNING, "catalog.xlsx", "generic", null, 0, null, 0,
                null, t, t, null, null, List.of(), xlsx.toString(), 1, 0);
        store.insert(job, "", Files.size(xlsx), "test");
        processor.process(new JobRun(job, store, row -> { }));
        List<java.util.Map<String, String>> evidence = new ArrayList<>();
        store.findings("j-xlsx", f -> {
            if (f.finding().ruleId().equals("CAT-031")) {
                evidence.add(f.finding().evidence());
            }
        });
        assertEquals(1, evidence.size());
        assertEquals("Made In", evidence.get(0).get("column"));
        assertEquals("Products", evidence.get(0).get("sheet"));
        assertEquals("Atlantis", evidence.get(0).get("countryOfOrigin"));
    }

    @Test
    void refusesAnInvoiceProfileBeforeTheJobIsAcknowledged() {
        JobRefused e = assertThrows(JobRefused.class, () -> processor.precheck(catalog, "ups-billing"));
        assertEquals(400, e.status());
    }

    @Test
    void refusesAFileThatIsNoCatalog() throws Exception {
        Path invoice = dir.resolve("invoice.csv");
        Files.writeString(invoice, "invoice_number,tracking_number,charge_amount\nI-1,1Z1,10.00\n");
        JobRefused e = assertThrows(JobRefused.class, () -> processor.precheck(invoice, "auto"));
        assertEquals(422, e.status());
        assertTrue(e.getMessage().contains("No catalog header"), e.getMessage());
    }
}
