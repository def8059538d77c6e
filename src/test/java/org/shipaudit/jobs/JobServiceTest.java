package org.shipaudit.jobs;

import org.shipaudit.model.AuditKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.findings.Category;
import org.shipaudit.findings.Finding;
import org.shipaudit.findings.Severity;
import org.shipaudit.model.api.Money;
import org.shipaudit.model.UploadRow;
import org.shipaudit.model.RowError;
import org.shipaudit.store.Database;

class JobServiceTest {

    /** The database under test: the embedded H2 file here, PostgreSQL in {@code JobServiceTestPgTest}. */
    Database open(Path dir) {
        return Database.open(dir);
    }

    @TempDir
    Path dir;

    /** Processes "rows" 1..10 in batches of 2, one finding per row worth 1.00; can be told to hang after a row. */
    static final class CountingProcessor implements JobProcessor {
        final long hangAfter;
        final CountDownLatch hung = new CountDownLatch(1);
        final List<Long> processed = new ArrayList<>();

        CountingProcessor(long hangAfter) {
            this.hangAfter = hangAfter;
        }

        @Override
        public void process(JobRun run) throws Exception {
            run.total(10);
            for (long row = run.resumeAfterRow() + 1; row <= 10; row += 2) {
                if (row > hangAfter) {
                    hung.countDown();
                    Thread.sleep(Long.MAX_VALUE); // the "kill -9": this attempt never commits again
                }
                List<Finding> f = new ArrayList<>();
                for (long r = row; r < row + 2; r++) {
                    processed.add(r);
                    f.add(new Finding("TST-001", "t", "1", Category.DATA, Severity.WARN, "row " + r, null,
                            Map.of(), new Money(new BigDecimal("1.00"), "USD"), null).at(new UploadRow(r, null), null));
                }
                run.checkpoint(new Checkpoint(row + 1, 2, f,
                        row == 1 ? List.of(new RowError(1, "Net Amount", "not an amount: 'abc'")) : List.of(), List.of()));
            }
        }
    }

    Path upload(String text) throws Exception {
        Path p = Files.createTempFile(dir, "up", ".csv");
        Files.writeString(p, text);
        return p;
    }

    static Job await(JobService s, String id, JobStatus status) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            Job j = s.get(id).orElseThrow();
            if (j.status() == status) {
                return j;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("job " + id + " did not reach " + status + ": " + s.get(id));
    }

    @Test
    void storesTheUploadBeforeAnsweringAndRunsTheJob() throws Exception {
        try (Database db = open(dir.resolve("db"));
             JobService s = new JobService(new JobStore(db), new MappingStore(dir.resolve("m")), dir.resolve("jobs"), Map.of(AuditKind.INVOICES,
                     new CountingProcessor(Long.MAX_VALUE)), 1, Clock.systemUTC())) {
            Job queued = s.submit(upload("a,b\n1,2\n"), "week-46.csv", "invoices", null, "alice");
            assertEquals("week-46.csv", queued.fileName());
            assertEquals("auto", queued.profile());
            assertTrue(Files.exists(Path.of(queued.storedFile())), "the upload is in the job store");
            Job done = await(s, queued.id(), JobStatus.DONE);
            assertEquals(10, done.rowsDone());
            assertEquals(10, done.findings());
            assertEquals(new BigDecimal("10.00"), done.disputableAmount().amount());
            assertEquals(List.of(new RowError(1, "Net Amount", "not an amount: 'abc'")), done.errors());
        }
    }

    @Test
    void resumesAnInterruptedJobWithoutLosingOrDoublingFindings() throws Exception {
        String id;
        CountingProcessor first = new CountingProcessor(4);
        Database db = open(dir.resolve("db"));
        JobService crashed = new JobService(new JobStore(db), new MappingStore(dir.resolve("m")), dir.resolve("jobs"), Map.of(AuditKind.INVOICES, first), 1,
                Clock.systemUTC(), java.time.Duration.ofMillis(50));
        id = crashed.submit(upload("x"), "big.csv", "invoices", "generic", "alice").id();
        assertTrue(first.hung.await(5, TimeUnit.SECONDS));
        assertEquals(4, crashed.get(id).orElseThrow().rowsDone(), "rows 1-4 were committed before the crash");
        assertEquals(JobStatus.RUNNING, crashed.get(id).orElseThrow().status());
        // Simulate kill -9: the worker is abandoned without finishing; the database is closed under it.
        db.close();

        CountingProcessor second = new CountingProcessor(Long.MAX_VALUE);
        try (Database reopened = open(dir.resolve("db"));
             JobService s = new JobService(new JobStore(reopened), new MappingStore(dir.resolve("m")), dir.resolve("jobs"), Map.of(AuditKind.INVOICES, second), 1,
                     Clock.systemUTC())) {
            Job done = await(s, id, JobStatus.DONE);
            assertEquals(List.of(5L, 6L, 7L, 8L, 9L, 10L), second.processed, "resumed after the checkpoint");
            assertEquals(10, done.findings(), "no finding lost or doubled");
            assertEquals(new BigDecimal("10.00"), done.disputableAmount().amount());
            List<Long> rows = new ArrayList<>();
            s.store().findings(id, f -> rows.add(f.row()));
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), rows);
        }
        crashed.close();
    }

    @Test
    void failsAJobWithTheProcessorsMessage() throws Exception {
        JobProcessor refuses = run -> {
            throw new JobRefused(422, "the workbook is encrypted: save it without a password and upload it again");
        };
        try (Database db = open(dir.resolve("db"));
             JobService s = new JobService(new JobStore(db), new MappingStore(dir.resolve("m")), dir.resolve("jobs"), Map.of(AuditKind.INVOICES, refuses), 1,
                     Clock.systemUTC())) {
            String id = s.submit(upload("x"), "locked.xlsx", "invoices", null, "bob").id();
            Job failed = await(s, id, JobStatus.FAILED);
            assertTrue(failed.failure().contains("encrypted"), failed.failure());
        }
    }

    @Test
    void refusesUnknownKindsAndProfiles() throws Exception {
        try (Database db = open(dir.resolve("db"));
             JobService s = new JobService(new JobStore(db), new MappingStore(dir.resolve("m")), dir.resolve("jobs"), Map.of(AuditKind.INVOICES,
                     new CountingProcessor(0)), 0, Clock.systemUTC())) {
            assertEquals(400, assertThrows(JobRefused.class,
                    () -> s.submit(upload("x"), "a.csv", "parcels", null, "a")).status());
            assertEquals(400, assertThrows(JobRefused.class,
                    () -> s.submit(upload("x"), "a.csv", "invoices", "dhl-magic", "a")).status());
        }
    }

    @Test
    void keepsAFileNameWithoutBidiOverridesOrControlCharacters() {
        assertEquals("invoiceexe.xlsx", JobService.safeFileName("invoice\u202Eexe.xlsx"));
        assertEquals("week-46.csv", JobService.safeFileName("C:\\Users\\a\\week-46.csv"));
        assertEquals("a b.csv", JobService.safeFileName("../../a\u0000 b.csv\u200F"));
        assertEquals("upload", JobService.safeFileName("\u202E"));
        assertEquals("upload", JobService.safeFileName(null));
        assertEquals(255, JobService.safeFileName("x".repeat(1000)).length());
    }

    @Test
    void storesTheUploadReadableByItsOwnerOnlyAndLeavesNothingOfARefusedOne() throws Exception {
        try (Database db = open(dir.resolve("db"))) {
            JobService s = new JobService(new JobStore(db), new MappingStore(dir.resolve("m")), dir.resolve("jobs"),
                    Map.of(AuditKind.INVOICES, new JobProcessor() {
                        @Override
                        public void process(JobRun run) {
                        }

                        @Override
                        public void precheck(Path file, String profile) {
                            if (profile.equals("generic") && file.toString().endsWith(".xlsx")) {
                                throw new JobRefused(422, "The file is encrypted.");
                            }
                        }
                    }), 0, Clock.systemUTC());
            Job job = s.submit(upload("a,b\n1,2\n"), "week\u202E46.csv", "invoices", null, "alice");
            assertEquals("week46.csv", job.fileName());
            Path stored = Path.of(job.storedFile());
            if (java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(stored)));
            }
            Path refusedUpload = upload("x");
            assertThrows(JobRefused.class, () -> s.submit(refusedUpload, "locked.xlsx", "invoices", "generic", "bob"));
            assertTrue(Files.notExists(refusedUpload));
            try (var dirs = Files.list(dir.resolve("jobs"))) {
                assertEquals(List.of(stored.getParent()), dirs.toList());
            }
            s.close();
        }
    }

    @Test
    void removesJobDirectoriesNeverAcknowledgedAndInterruptedWritesAtStart() throws Exception {
        Path jobs = dir.resolve("jobs");
        String kept;
        try (Database db = open(dir.resolve("db"))) {
            JobService s = new JobService(new JobStore(db), new MappingStore(dir.resolve("m")), jobs,
                    Map.of(AuditKind.INVOICES, new CountingProcessor(Long.MAX_VALUE)), 0, Clock.systemUTC());
            kept = s.submit(upload("a,b\n1,2\n"), "a.csv", "invoices", null, "alice").id();
            s.close();
        }
        // what kill -9 leaves: a job directory whose insert never committed, a report's temporary file
        Path orphan = Files.createDirectories(jobs.resolve("j-000000000000"));
        Files.writeString(orphan.resolve("upload.xlsx"), "partial");
        Path tmp = Files.writeString(jobs.resolve(kept).resolve(".report.xlsx123.tmp"), "");
        try (Database db = open(dir.resolve("db"))) {
            JobService s = new JobService(new JobStore(db), new MappingStore(dir.resolve("m")), jobs,
                    Map.of(AuditKind.INVOICES, new CountingProcessor(Long.MAX_VALUE)), 0, Clock.systemUTC());
            assertTrue(Files.notExists(orphan));
            assertTrue(Files.notExists(tmp));
            assertTrue(Files.isDirectory(jobs.resolve(kept)));
            assertTrue(s.get(kept).isPresent());
            s.close();
        }
    }

    /** A generic invoice of {@code packages} packages of freight and fuel; every 97th is billed again 50 later. */
    private Path bigInvoice(int packages) throws Exception {
        StringBuilder b = new StringBuilder("invoice_number,invoice_date,carrier,tracking_number,ship_date,service,"
                + "actual_weight,billed_weight,weight_unit,charge_code,charge_description,charge_amount,currency\n");
        for (int p = 1; p <= packages; p++) {
            b.append(invoiceLine(p, true)).append(invoiceLine(p, false));
            if (p > 50 && (p - 50) % 97 == 0) {
                b.append(invoiceLine(p - 50, true));
            }
        }
        Path file = Files.createTempFile(dir, "big", ".csv");
        Files.writeString(file, b);
        return file;
    }

    private static String invoiceLine(int pkg, boolean freight) {
        return "INV-1,2026-11-16,UPS,1Z" + String.format("%016d", pkg) + ",2026-11-10,GROUND,2.5,3,LB,"
                + (freight ? "FREIGHT,Transportation,10.00" : "FUEL_SURCHARGE,Fuel Surcharge,1.70") + ",USD\n";
    }

    private Map<AuditKind, JobProcessor> invoiceProcessor(Path data) throws Exception {
        Path rules = data.resolve("rules");
        try (var files = Files.walk(Path.of("rules", "duplicates"))) {
            for (Path p : files.toList()) {
                Path target = rules.resolve("duplicates").resolve(Path.of("rules", "duplicates").relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return Map.of(AuditKind.INVOICES, new InvoiceJobProcessor(new org.shipaudit.audit.InvoiceAuditor(
                org.shipaudit.rules.RulePackRegistry.load(rules), new org.shipaudit.audit.InvoiceEnricher(null, null)),
                new MappingStore(data.resolve("m")), 1L << 30));
    }

    private static List<String> findingsOf(JobService s, String id) {
        List<String> out = new ArrayList<>();
        s.store().findings(id, f -> out.add(f.finding().ruleId() + "@" + f.row() + " " + f.finding().amount()));
        return out;
    }

    private static Job awaitDone(JobService s, String id, int seconds) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < until) {
            Job j = s.get(id).orElseThrow();
            if (j.status() == JobStatus.DONE || j.status() == JobStatus.FAILED) {
                return j;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("job " + id + " not done in " + seconds + " s: " + s.get(id));
    }

    @Test
    void aNormalStopLeavesTheInvoiceJobQueuedAndItResumesToTheSameFindingsAsAnUninterruptedRun() throws Exception {
        Path file = bigInvoice(8_000);
        Path whole = dir.resolve("whole");
        List<String> expected;
        Job uninterrupted;
        try (Database db = open(whole.resolve("db"));
             JobService s = new JobService(new JobStore(db), new MappingStore(whole.resolve("m")),
                     whole.resolve("jobs"), invoiceProcessor(whole), 1, Clock.systemUTC())) {
            Path copy = Files.copy(file, dir.resolve("copy.csv"));
            String id = s.submit(copy, "big.csv", "invoices", "generic", "alice").id();
            uninterrupted = awaitDone(s, id, 120);
            assertEquals(JobStatus.DONE, uninterrupted.status(), String.valueOf(uninterrupted.failure()));
            expected = findingsOf(s, id);
        }
        assertTrue(expected.size() > 50, "duplicates planted across batches: " + expected.size());

        Path data = dir.resolve("stopped");
        String id;
        long rowsAtStop;
        Database db = open(data.resolve("db"));
        JobService first = new JobService(new JobStore(db), new MappingStore(data.resolve("m")), data.resolve("jobs"),
                invoiceProcessor(data), 1, Clock.systemUTC());
        id = first.submit(file, "big.csv", "invoices", "generic", "alice").id();
        while (first.get(id).orElseThrow().rowsDone() == 0) {
            Thread.sleep(5);
        }
        long t0 = System.nanoTime();
        first.close(); // what the shutdown hook does on SIGTERM
        long stopMillis = (System.nanoTime() - t0) / 1_000_000;
        Job stopped = first.get(id).orElseThrow();
        db.close();
        rowsAtStop = stopped.rowsDone();
        assertEquals(JobStatus.QUEUED, stopped.status(), "queued again, not failed: " + stopped.failure());
        assertTrue(rowsAtStop > 0 && rowsAtStop < uninterrupted.rowsDone(), "stopped mid-job at " + rowsAtStop);
        assertEquals(0, stopped.attempts(), "a normal stop is not a failed attempt");
        assertTrue(Math.abs(stopped.rowsTotal() - uninterrupted.rowsDone()) < uninterrupted.rowsDone() / 10,
                "rows total estimated from the start: " + stopped.rowsTotal() + " of " + uninterrupted.rowsDone());
        assertTrue(stopMillis < JobService.STOP_GRACE.toMillis(), "stopped at a checkpoint in " + stopMillis + " ms");

        try (Database reopened = open(data.resolve("db"));
             JobService s = new JobService(new JobStore(reopened), new MappingStore(data.resolve("m")),
                     data.resolve("jobs"), invoiceProcessor(data), 1, Clock.systemUTC())) {
            Job done = awaitDone(s, id, 120);
            assertEquals(JobStatus.DONE, done.status(), String.valueOf(done.failure()));
            assertEquals(expected, findingsOf(s, id), "no finding lost, doubled or changed by the stop");
            assertEquals(uninterrupted.rowsDone(), done.rowsDone());
            assertEquals(done.rowsDone(), done.rowsTotal(), "the count read replaces the estimate");
            assertEquals(100.0, done.percentDone());
            assertEquals(uninterrupted.disputableAmount(), done.disputableAmount());
        }
    }

    @Test
    void retriesAFailedJobFromItsLastCheckpointAndRefusesOthers() throws Exception {
        // Fails after row 4 on its first attempt only, like a transient disk or database failure.
        java.util.concurrent.atomic.AtomicBoolean failOnce = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<Long> processed = new ArrayList<>();
        JobProcessor flaky = run -> {
            run.total(10);
            for (long row = run.resumeAfterRow() + 1; row <= 10; row += 2) {
                if (row > 4 && failOnce.getAndSet(false)) {
                    throw new java.io.IOException("No space left on device");
                }
                processed.add(row);
                run.checkpoint(new Checkpoint(row + 1, 2, List.of(), List.of(), List.of()));
            }
        };
        try (Database db = open(dir.resolve("db"));
             JobService s = new JobService(new JobStore(db), new MappingStore(dir.resolve("m")), dir.resolve("jobs"),
                     Map.of(AuditKind.INVOICES, flaky), 1, Clock.systemUTC())) {
            String id = s.submit(upload("x"), "a.csv", "invoices", null, "alice").id();
            Job failed = await(s, id, JobStatus.FAILED);
            assertEquals(4, failed.rowsDone());
            assertEquals(404, assertThrows(JobRefused.class, () -> s.retry("j-unknown", "bob")).status());
            Job requeued = s.retry(id, "bob");
            // Accepted: queued, already running, or (on a quick machine, six short rows) already done when the view
            // of the job is read back; never still FAILED.
            assertTrue(requeued.status() == JobStatus.QUEUED || requeued.status() == JobStatus.RUNNING
                    || requeued.status() == JobStatus.DONE, requeued.status().name());
            Job done = await(s, id, JobStatus.DONE);
            assertEquals(10, done.rowsDone());
            assertEquals(null, done.failure());
            assertEquals(List.of(1L, 3L, 5L, 7L, 9L), processed, "rows 1-4 not redone");
            assertEquals(409, assertThrows(JobRefused.class, () -> s.retry(id, "bob")).status());
        }
    }

    @Test
    void aLeaseThatRanOutIsTakenOverAndTheOldRunCanCommitNothingMore() throws Exception {
        try (Database db = open(dir.resolve("db"))) {
            JobStore store = new JobStore(db);
            Job job = new Job("j-lease", "invoices", JobStatus.QUEUED, "a.csv", "auto", null, 0, null, 0, null,
                    java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), null, null, null,
                    List.of(), dir.resolve("a.csv").toString(), 0, 0);
            store.insert(job, "0".repeat(64), 1, "alice");
            java.time.Duration ttl = java.time.Duration.ofMillis(300);
            JobStore.Claimed first = store.claimNext("node-a", ttl).orElseThrow();
            assertTrue(store.claimNext("node-b", ttl).isEmpty(), "a leased job is not claimed twice");
            store.checkpoint(job.id(), first.lease(), new Checkpoint(2, 2, List.of(), List.of(), List.of()), ttl);

            Thread.sleep(600); // node-a stops renewing (killed)
            JobStore.Claimed second = store.claimNext("node-b", java.time.Duration.ofSeconds(30)).orElseThrow();
            assertEquals(2, second.job().lastRow(), "taken over from the last checkpoint");
            assertEquals(2, second.job().attempts());
            assertThrows(LeaseLost.class, () -> store.checkpoint(job.id(), first.lease(),
                    new Checkpoint(4, 2, List.of(), List.of(), List.of()), ttl));
            assertEquals(java.util.Set.of(job.id()), store.renew(Map.of(job.id(), first.lease()), ttl));
            assertTrue(!store.finish(job.id(), first.lease(), JobStatus.DONE, null, java.time.Instant.now()),
                    "the old run cannot end the job");
            assertEquals(2, store.get(job.id()).orElseThrow().lastRow(), "nothing of the old run's batch was stored");
            store.checkpoint(job.id(), second.lease(), new Checkpoint(4, 2, List.of(), List.of(), List.of()),
                    ttl);
            assertTrue(store.finish(job.id(), second.lease(), JobStatus.DONE, null, java.time.Instant.now()));
            Job done = store.get(job.id()).orElseThrow();
            assertEquals(JobStatus.DONE, done.status());
            assertEquals(4, done.rowsDone());
        }
    }

    @Test
    void aJobQueuedOnOneNodeRunsOnAnotherFromTheUploadKeptInTheDatabase() throws Exception {
        try (Database db = open(dir.resolve("db"))) {
            JobService.Node a = new JobService.Node("node-a", java.time.Duration.ofSeconds(5), true);
            JobService.Node b = new JobService.Node("node-b", java.time.Duration.ofSeconds(5), true);
            String id;
            java.util.concurrent.atomic.AtomicReference<String> read = new java.util.concurrent.atomic.AtomicReference<>();
            JobProcessor reads = run -> {
                read.set(Files.readString(run.file()));
                run.checkpoint(new Checkpoint(1, 1, List.of(), List.of(), List.of()));
            };
            try (JobService submitter = new JobService(new JobStore(db), new MappingStore(dir.resolve("m")),
                    dir.resolve("jobs-a"), Map.of(AuditKind.INVOICES, reads), 0, Clock.systemUTC(), a)) {
                id = submitter.submit(upload("a,b\n1,2\n"), "w.csv", "invoices", null, "alice").id();
            }
            try (JobService runner = new JobService(new JobStore(db), new MappingStore(dir.resolve("m")),
                    dir.resolve("jobs-b"), Map.of(AuditKind.INVOICES, reads), 1, Clock.systemUTC(), b)) {
                Job done = await(runner, id, JobStatus.DONE);
                assertEquals(1, done.rowsDone());
                assertEquals("a,b\n1,2\n", read.get(), "node b read the upload node a received");
                assertTrue(Files.exists(dir.resolve("jobs-b").resolve(id)), "copied into node b's own jobs directory");
            }
        }
    }
}
