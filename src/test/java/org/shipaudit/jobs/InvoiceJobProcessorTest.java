package org.shipaudit.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.audit.InvoiceAuditor;
import org.shipaudit.rules.RulePackRegistry;
import org.shipaudit.store.Database;

/** Where the invoice processor cuts its batches, and that a resumed job carries on from the checkpoint. */
class InvoiceJobProcessorTest {

    @TempDir
    Path dir;

    private static final String HEADER = "invoice_number,invoice_date,carrier,tracking_number,ship_date,service,"
            + "actual_weight,billed_weight,weight_unit,charge_code,charge_description,charge_amount,currency\n";

    /** A generic invoice whose packages each bill {@code linesPerPackage} rows in a row; data starts on sheet row 2. */
    private Path invoice(int packages, int linesPerPackage) throws Exception {
        StringBuilder b = new StringBuilder(HEADER);
        for (int p = 1; p <= packages; p++) {
            for (int l = 0; l < linesPerPackage; l++) {
                b.append("INV-1,2026-11-16,UPS,1Z").append(String.format("%016d", p)).append(",2026-11-10,GROUND,2.5,3,LB,")
                        .append(l == 0 ? "FREIGHT,Transportation,10.00" : "FUEL_SURCHARGE,Fuel Surcharge,1.70")
                        .append(",USD\n");
            }
        }
        Path file = dir.resolve("invoice.csv");
        Files.writeString(file, b);
        return file;
    }

    /** Runs the processor over the file, resuming after {@code resumeAfter}; returns the last row of each batch. */
    private List<Long> batchEnds(Path file, long resumeAfter) throws Exception {
        List<Long> ends = new ArrayList<>();
        Files.createDirectories(dir.resolve("rules"));
        try (Database db = Database.open(dir.resolve("db"))) {
            JobStore store = new JobStore(db);
            Job job = new Job("j" + resumeAfter, "invoices", JobStatus.RUNNING, "invoice.csv", "auto", null, 0, null,
                    0, null, Instant.now(), Instant.now(), null, null, List.of(), file.toString(), 1, resumeAfter);
            store.insert(job, "", Files.size(file), "test");
            new InvoiceJobProcessor(new InvoiceAuditor(RulePackRegistry.load(dir.resolve("rules"))),
                    new MappingStore(dir.resolve("mappings")), 1L << 30).process(new JobRun(job, store, ends::add));
            assertEquals(countDataRows(file) - Math.max(0, resumeAfter - 1),
                    store.get(job.id()).orElseThrow().rowsDone(), "every row after the checkpoint audited once");
        }
        return ends;
    }

    private static long countDataRows(Path file) throws Exception {
        try (var lines = Files.lines(file)) {
            return lines.count() - 1;
        }
    }

    @Test
    void endsABatchOnlyWhereThePackageChangesSoAPackageStraddlingRow1000IsSeenWhole() throws Exception {
        // Three rows per package from sheet row 2: package 334 bills rows 1001-1003, across the 1,000th data row.
        Path file = invoice(1200, 3);
        List<Long> ends = batchEnds(file, 0);
        assertEquals(List.of(1003L, 2005L, 3007L, 3601L), ends);
        for (long end : ends) {
            assertEquals(0, (end - 1) % 3, "batch ends after the last row of a package: " + end);
        }
    }

    @Test
    void resumesAfterTheCheckpointOnThePackageBoundaries() throws Exception {
        Path file = invoice(1200, 3);
        assertEquals(List.of(2005L, 3007L, 3601L), batchEnds(file, 1003));
    }

    @Test
    void endsABatchInsideAPackageOnlyAtTheHardCap() throws Exception {
        // One package of 2,500 rows: without a cap its batch would hold the whole file.
        Path file = invoice(1, 2500);
        assertEquals(List.of((long) InvoiceJobProcessor.MAX_BATCH + 1, 2501L), batchEnds(file, 0));
    }
}
