package org.shipaudit.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.audit.InvoiceAuditor;
import org.shipaudit.audit.InvoiceEnricher;
import org.shipaudit.findings.Finding;
import org.shipaudit.rules.RulePackRegistry;
import org.shipaudit.store.Database;

/**
 * The package ledger (issue 13): a carrier's correction, credit or discount billed more than 2,000 rows (so batches)
 * after a package's first lines is netted with them, the earlier batch's claim corrected, exactly also across a
 * kill -9 between the batches; and an upload billing packages claimed by an earlier upload does not claim them twice.
 */
class PackageLedgerTest {

    /** The database under test. */
    Database open(Path dir) {
        return Database.open(dir);
    }

    @TempDir
    Path dir;

    private static final String HEADER = "invoice_number,invoice_date,carrier,account_number,tracking_number,"
            + "ship_date,service,actual_weight,billed_weight,weight_unit,charge_code,charge_description,"
            + "charge_amount,currency\n";

    private static String line(String tracking, String code, String description, String amount) {
        return "INV-1,2026-11-16,UPS,A1," + tracking + ",2026-11-10,GROUND,2.5,3,LB," + code + "," + description + ","
                + amount + ",USD\n";
    }

    private static String freight(String tracking) {
        return line(tracking, "FREIGHT", "Transportation", "10.00");
    }

    /**
     * Five packages whose transportation is billed twice at the start of the file (DUP-001 claims the second 10.00),
     * 2,400 rows of other packages, then the carrier's later lines for them:
     * A a correction crediting 10.00 (the duplicate refunded: claims nothing), B a discount of 15.00 (20.00 - 15.00:
     * 5.00 paid net for transportation, claim 5.00), C a correction of 4.00 (claim 6.00), D none (claim 10.00); E is
     * billed once with a 12.00 discount at the start and billed again at the end (the DUP-001 there is capped by the
     * net paid over the whole file, 10 + 10 - 12 = 8.00). In all 29.00, where a batch-by-batch netting claims 50.00.
     */
    private Path invoice() throws Exception {
        StringBuilder b = new StringBuilder(HEADER);
        for (String p : List.of("1ZLEDGERA", "1ZLEDGERB", "1ZLEDGERC", "1ZLEDGERD")) {
            b.append(freight(p)).append(freight(p));
        }
        b.append(freight("1ZLEDGERE")).append(line("1ZLEDGERE", "DISCOUNT", "Earned Discount", "-12.00"));
        for (int p = 1; p <= 1200; p++) {
            String t = "1Z" + String.format("%016d", p);
            b.append(freight(t)).append(line(t, "FUEL_SURCHARGE", "Fuel Surcharge", "1.70"));
        }
        b.append(line("1ZLEDGERA", "ADJUSTMENT", "Shipping Charge Correction", "-10.00"));
        b.append(line("1ZLEDGERB", "DISCOUNT", "Earned Discount", "-15.00"));
        b.append(line("1ZLEDGERC", "ADJUSTMENT", "Shipping Charge Correction", "-4.00"));
        b.append(freight("1ZLEDGERE"));
        Path file = dir.resolve("invoice.csv");
        Files.writeString(file, b);
        return file;
    }

    private InvoiceJobProcessor processor() throws Exception {
        Path rules = dir.resolve("rules");
        if (!Files.exists(rules)) {
            InvoiceJobProcessorTest.copy(Path.of("rules", "duplicates"), rules.resolve("duplicates"));
        }
        return new InvoiceJobProcessor(new InvoiceAuditor(RulePackRegistry.load(rules), new InvoiceEnricher(null, null)),
                new MappingStore(dir.resolve("mappings")), 1L << 30);
    }

    /** Claims of a done job by tracking number, after checking the job total, disputes file and workbook agree. */
    private Map<String, BigDecimal> claims(JobStore store, String id) throws Exception {
        Job done = store.get(id).orElseThrow();
        JobReports reports = new JobReports(store, new MappingStore(dir.resolve("mappings")), 1L << 30);
        BigDecimal file = RealCarrierInvoicesTest.disputesTotal(reports, done);
        assertEquals(0, done.disputableAmount().amount().compareTo(file), "job total " + done.disputableAmount()
                + " = disputes file " + file);
        assertEquals(0, file.compareTo(RealCarrierInvoicesTest.workbookTotal(reports, done)), "disputes file = workbook");
        Map<String, BigDecimal> out = new TreeMap<>();
        store.findings(id, f -> out.merge(f.finding().evidence().get("trackingNumber"), f.finding().claimable(),
                BigDecimal::add));
        out.values().removeIf(v -> v.signum() == 0);
        return out;
    }

    private static final Map<String, BigDecimal> NETTED = Map.of("1ZLEDGERB", new BigDecimal("5.00"),
            "1ZLEDGERC", new BigDecimal("6.00"), "1ZLEDGERD", new BigDecimal("10.00"),
            "1ZLEDGERE", new BigDecimal("8.00"));

    @Test
    void claimsAPackageByWhatItPaidNetOverTheWholeFileThoughItsCreditsComeBatchesLater() throws Exception {
        Path file = invoice();
        try (Database db = open(dir.resolve("db"))) {
            JobStore store = new JobStore(db);
            Job job = JobBuilder.running("j1", "invoices").file("invoice.csv", file.toString()).profile("generic")
                    .at(Instant.now()).build();
            store.insert(job, "", Files.size(file), "test");
            List<Long> ends = new ArrayList<>();
            processor().process(new JobRun(job, store, ends::add));
            assertTrue(ends.size() >= 3 && ends.get(0) < 1000 + 20, "the credits are batches after: " + ends);
            store.finish(job.id(), JobStatus.DONE, null, Instant.now());
            assertEquals(new TreeMap<>(NETTED), claims(store, job.id()));
            assertEquals(new BigDecimal("29.00"), store.get(job.id()).orElseThrow().disputableAmount().amount());
            List<Finding> refunded = new ArrayList<>();
            store.findings(job.id(), f -> {
                if ("1ZLEDGERA".equals(f.finding().evidence().get("trackingNumber"))) {
                    refunded.add(f.finding());
                }
            });
            assertEquals(1, refunded.size());
            assertNull(refunded.get(0).amount(), "the duplicate was credited: nothing left to claim");
            assertTrue(refunded.get(0).evidence().get("notClaimed").startsWith("refunded by the carrier already: 10.00"
                    + " credited on row"), refunded.get(0).evidence().toString());
        }
    }

    @Test
    void settlesTheSameAfterAKillBetweenTheBatchesAsInOneRun() throws Exception {
        Path file = invoice();
        Job job = JobBuilder.running("j1", "invoices").file("invoice.csv", file.toString()).profile("generic")
                .at(Instant.now()).build();
        // The "kill -9": the run dies right after its first checkpoint commits; nothing after it is stored.
        try (Database db = open(dir.resolve("db"))) {
            JobStore store = new JobStore(db);
            store.insert(job, "", Files.size(file), "test");
            assertThrows(Killed.class, () -> processor().process(new JobRun(job, store, row -> {
                throw new Killed();
            })));
        }
        try (Database db = open(dir.resolve("db"))) {
            JobStore store = new JobStore(db);
            Job stored = store.get(job.id()).orElseThrow();
            assertTrue(stored.lastRow() > 0 && stored.lastRow() < 1100, "stopped after batch 1: " + stored.lastRow());
            processor().process(new JobRun(stored, store, row -> { }));
            store.finish(job.id(), JobStatus.DONE, null, Instant.now());
            assertEquals(new TreeMap<>(NETTED), claims(store, job.id()));
            assertEquals(new BigDecimal("29.00"), store.get(job.id()).orElseThrow().disputableAmount().amount());
        }
    }

    @Test
    void aPackageClaimedByAnEarlierUploadOfTheAccountIsNotClaimedAgain() throws Exception {
        Path file = invoice();
        try (Database db = open(dir.resolve("db"))) {
            JobStore store = new JobStore(db);
            for (String id : List.of("j1", "j2")) {
                Job job = JobBuilder.running(id, "invoices").file("invoice.csv", file.toString()).profile("generic")
                        .at(Instant.now()).build();
                store.insert(job, "", Files.size(file), "test");
                processor().process(new JobRun(job, store, row -> { }));
                store.finish(id, JobStatus.DONE, null, Instant.now());
            }
            assertEquals(new TreeMap<>(NETTED), claims(store, "j1"));
            assertEquals(Map.of(), claims(store, "j2"), "the same invoice uploaded again claims nothing more");
            List<String> why = new ArrayList<>();
            store.findings("j2", f -> {
                if ("1ZLEDGERD".equals(f.finding().evidence().get("trackingNumber"))) {
                    why.add(f.finding().evidence().get("notClaimed"));
                }
            });
            assertEquals(List.of("claimed already for package 1ZLEDGERD in job j1: 10.00"), why);
        }
    }

    /**
     * Two uploads of one invoice audited at the same time on two workers (issue 13): j1, sealed first, commits its
     * first batch, then j2 runs whole, then j1 goes on. j2 reaches package E's duplicate (last batch) before j1 has
     * claimed it; j1 must then settle against j2's committed claim, not only against uploads sealed before it, so
     * each package is claimed once across the two (29.00 in all), each job's total agreeing with its disputes file
     * and workbook. Deterministic: the interleaving is set by the progress callback, not by sleeps.
     */
    @Test
    void twoUploadsOfOneInvoiceAuditedAtOnceClaimEachPackageOnce() throws Exception {
        Path file = invoice();
        try (Database db = open(dir.resolve("db"))) {
            JobStore store = new JobStore(db);
            Job j1 = submit(store, "j1", file);
            Job j2 = submit(store, "j2", file);
            java.util.concurrent.atomic.AtomicInteger commits = new java.util.concurrent.atomic.AtomicInteger();
            processor().process(new JobRun(j1, store, row -> {
                if (commits.incrementAndGet() == 1) {
                    runWhole(store, j2);
                }
            }));
            store.finish(j1.id(), JobStatus.DONE, null, Instant.now());
            assertTrue(commits.get() >= 3, "j1 went on after j2: " + commits);
            assertClaimedOnce(store);
        }
    }

    /** The same, with j1 killed (kill -9) right after its first checkpoint and resumed once j2 is done. */
    @Test
    void anUploadResumedAfterAKillWhileAnotherRanClaimsEachPackageOnce() throws Exception {
        Path file = invoice();
        Job j1;
        try (Database db = open(dir.resolve("db"))) {
            JobStore store = new JobStore(db);
            j1 = submit(store, "j1", file);
            Job j2 = submit(store, "j2", file);
            assertThrows(Killed.class, () -> processor().process(new JobRun(j1, store, row -> {
                runWhole(store, j2);
                throw new Killed();
            })));
        }
        try (Database db = open(dir.resolve("db"))) {
            JobStore store = new JobStore(db);
            processor().process(new JobRun(store.get(j1.id()).orElseThrow(), store, row -> { }));
            store.finish(j1.id(), JobStatus.DONE, null, Instant.now());
            assertClaimedOnce(store);
        }
    }

    private static Job submit(JobStore store, String id, Path file) throws Exception {
        Job job = JobBuilder.running(id, "invoices").file("invoice.csv", file.toString()).profile("generic")
                .at(Instant.now()).build();
        store.insert(job, "", Files.size(file), "test");
        return job;
    }

    /** Audits a job to the end on a thread of its own (a second worker) while the caller's run waits. */
    private void runWhole(JobStore store, Job job) {
        java.util.concurrent.ExecutorService worker = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            worker.submit(() -> {
                processor().process(new JobRun(job, store, row -> { }));
                store.finish(job.id(), JobStatus.DONE, null, Instant.now());
                return null;
            }).get(120, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the second upload's run failed", e);
        } finally {
            worker.shutdownNow();
        }
    }

    /** j1 and j2 together claim each package as one upload does; each job's totals agree to the cent. */
    private void assertClaimedOnce(JobStore store) throws Exception {
        Map<String, BigDecimal> both = new TreeMap<>(claims(store, "j1"));
        claims(store, "j2").forEach((k, v) -> both.merge(k, v, BigDecimal::add));
        assertEquals(new TreeMap<>(NETTED), both, "claims of j1 and j2 together");
        BigDecimal total = store.get("j1").orElseThrow().disputableAmount().amount()
                .add(store.get("j2").orElseThrow().disputableAmount().amount());
        assertEquals(0, new BigDecimal("29.00").compareTo(total), "j1 + j2 = " + total);
    }

    @Test
    void chunksAuditedByThreeWorkersSettleThePackagesAsOneRunDoes() throws Exception {
        // The credits fall in another chunk than the claims they refund; chunks commit in any order.
        String text = Files.readString(invoice());
        ChunkedJobsTest chunked = new ChunkedJobsTest() {
            @Override
            Database open(Path d) {
                return PackageLedgerTest.this.open(d);
            }
        };
        chunked.dir = dir;
        List<List<JobStore.ChunkState>> chunks = new ArrayList<>();
        ChunkedJobsTest.Outcome three = chunked.audit("chunked", 3, 800, List.of(text), chunks).get(0);
        assertTrue(chunks.get(0).size() >= 3, "split: " + chunks.get(0));
        assertEquals(new BigDecimal("29.00"), three.disputable());
    }

    /** What the test's kill throws from the progress callback, after the checkpoint committed. */
    private static final class Killed extends RuntimeException {
    }
}
