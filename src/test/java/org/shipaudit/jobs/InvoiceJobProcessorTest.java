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
import org.shipaudit.audit.InvoiceEnricher;
import org.shipaudit.rules.RulePackRegistry;
import org.shipaudit.store.Database;

/** Where the invoice processor cuts its batches, and that a resumed job carries on from the checkpoint. */
class InvoiceJobProcessorTest {

    /** The database under test: the embedded H2 file here, PostgreSQL in {@code InvoiceJobProcessorTestPgTest}. */
    Database open(Path dir) {
        return Database.open(dir);
    }

    @TempDir
    Path dir;

    private static final String HEADER = "invoice_number,invoice_date,carrier,tracking_number,ship_date,service,"
            + "actual_weight,billed_weight,weight_unit,charge_code,charge_description,charge_amount,currency\n";

    /** A generic invoice whose packages each bill {@code linesPerPackage} rows in a row; data starts on sheet row 2. */
    private Path invoice(int packages, int linesPerPackage) throws Exception {
        return invoice(packages, linesPerPackage, java.util.Map.of());
    }

    /** The same, with the freight of package {@code value} billed again after package {@code key}. */
    private Path invoice(int packages, int linesPerPackage, java.util.Map<Integer, Integer> againAfter)
            throws Exception {
        StringBuilder b = new StringBuilder(HEADER);
        for (int p = 1; p <= packages; p++) {
            for (int l = 0; l < linesPerPackage; l++) {
                b.append(line(p, l == 0));
            }
            if (againAfter.containsKey(p)) {
                b.append(line(againAfter.get(p), true));
            }
        }
        Path file = dir.resolve("invoice.csv");
        Files.writeString(file, b);
        return file;
    }

    /** Runs the processor over the file, resuming after {@code resumeAfter}; returns the last row of each batch. */
    private List<Long> batchEnds(Path file, long resumeAfter) throws Exception {
        Files.createDirectories(dir.resolve("rules"));
        return batchEnds(file, resumeAfter, dir.resolve("rules"), new ArrayList<>());
    }

    private List<Long> batchEnds(Path file, long resumeAfter, Path rules, List<String> findings) throws Exception {
        List<Long> ends = new ArrayList<>();
        try (Database db = open(dir.resolve("db"))) {
            JobStore store = new JobStore(db);
            Job job = JobBuilder.running("j" + resumeAfter, "invoices").file("invoice.csv", file.toString())
                    .at(Instant.now()).lastRow(resumeAfter).build();
            store.insert(job, "", Files.size(file), "test");
            new InvoiceJobProcessor(new InvoiceAuditor(RulePackRegistry.load(rules), new InvoiceEnricher(null, null)),
                    new MappingStore(dir.resolve("mappings")), 1L << 30).process(new JobRun(job, store, ends::add));
            assertEquals(countDataRows(file) - Math.max(0, resumeAfter - 1),
                    store.get(job.id()).orElseThrow().rowsDone(), "every row after the checkpoint audited once");
            store.findings(job.id(), f -> findings.add(f.finding().ruleId() + "@" + f.row()));
        }
        return ends;
    }

    private static String line(int pkg, boolean freight) {
        return "INV-1,2026-11-16,UPS,1Z" + String.format("%016d", pkg) + ",2026-11-10,GROUND,2.5,3,LB,"
                + (freight ? "FREIGHT,Transportation,10.00" : "FUEL_SURCHARGE,Fuel Surcharge,1.70") + ",USD\n";
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
    void findsFreightBilledAgainInTheNextBatchAndLaterOnesExactlyOnce() throws Exception {
        // Package 300 (batch 1) billed again after package 400 (batch 2: audited while batch 1 may still be committing)
        // and package 1 again after package 900 (batch 3: batch 1 long committed).
        Path file = invoice(1200, 3, java.util.Map.of(400, 300, 900, 1));
        Path rules = dir.resolve("rules-duplicates");
        copy(Path.of("rules", "duplicates"), rules.resolve("duplicates"));
        List<String> findings = new ArrayList<>();
        batchEnds(file, 0, rules, findings);
        // Package p's rows start at 3p - 1; the first extra row follows package 400, the second package 900 and it.
        assertEquals(List.of("DUP-001@" + (3 * 400 + 2), "DUP-001@" + (3 * 900 + 3)), findings);
    }

    /** Copies a directory tree (a pack into a rules directory of its own). */
    static void copy(Path from, Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    @Test
    void endsABatchInsideAPackageOnlyAtTheHardCap() throws Exception {
        // One package of 2,500 rows: without a cap its batch would hold the whole file.
        Path file = invoice(1, 2500);
        assertEquals(List.of((long) InvoiceJobProcessor.MAX_BATCH + 1, 2501L), batchEnds(file, 0));
    }

    @Test
    void countsAndListsTheChargesTheTaxonomyDoesNotKnowAcrossBatches() throws Exception {
        // 1,200 packages of 2 lines (batches of about 1,000 rows) and an unknown wording on packages 1 and 1,100.
        StringBuilder b = new StringBuilder(HEADER);
        for (int p = 1; p <= 1200; p++) {
            b.append(line(p, true));
            b.append(p == 1 || p == 1100 ? line(p, false).replace("FUEL_SURCHARGE,Fuel Surcharge", "ZZ9,Gobbledygook Fee")
                    : line(p, false));
        }
        Path file = dir.resolve("unknown.csv");
        Files.writeString(file, b);
        Files.createDirectories(dir.resolve("rules"));
        batchEnds(file, 0, dir.resolve("rules"), new ArrayList<>());
        try (Database db = open(dir.resolve("db"))) {
            UnrecognisedCharges u = new JobStore(db).get("j0").orElseThrow().unrecognisedCharges();
            assertEquals(2, u.lines());
            assertEquals(List.of(new UnrecognisedCharges.Example("UPS", "Gobbledygook Fee", 2)), u.examples());
        }
    }
}
