package org.shipaudit.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.audit.InvoiceAuditor;
import org.shipaudit.audit.InvoiceEnricher;
import org.shipaudit.model.AuditKind;
import org.shipaudit.rules.RulePackRegistry;
import org.shipaudit.store.Database;

/**
 * A large invoice split into chunks that several workers audit at once has the findings and totals of a single run
 * of one worker over the whole file: duplicates across chunks and across uploads found exactly once, by the same row.
 * On the embedded database (one node, three workers) here, on PostgreSQL in {@link ChunkedJobsPgTest}.
 */
class ChunkedJobsTest {

    Database open(Path dir) {
        return Database.open(dir);
    }

    @TempDir
    Path dir;

    static final String HEADER = "invoice_number,invoice_date,carrier,tracking_number,ship_date,service,"
            + "actual_weight,billed_weight,weight_unit,charge_code,charge_description,charge_amount,currency\n";

    /** Packages billing freight and fuel; every 173rd package from 1,400 bills the freight of one 1,300 back again. */
    static String invoice(String invoice, String prefix, int packages, List<String> alsoBilled) {
        StringBuilder b = new StringBuilder(HEADER);
        for (int p = 1; p <= packages; p++) {
            String t = prefix + String.format("%012d", p);
            b.append(line(invoice, t, true, p)).append(line(invoice, t, false, p));
            if (p >= 1400 && p % 173 == 0) {
                b.append(line(invoice, prefix + String.format("%012d", p - 1300), true, p - 1300));
            }
            if (p == packages / 2) {
                for (String other : alsoBilled) {
                    b.append(line(invoice, other, true, 7));
                }
            }
        }
        return b.toString();
    }

    static String line(String invoice, String tracking, boolean freight, int p) {
        // Amounts vary by package, so a total "to the cent" is not a multiple of one price.
        String amount = new BigDecimal(900 + p % 250).movePointLeft(2).toPlainString();
        return invoice + ",2026-11-16,UPS," + tracking + ",2026-11-10,GROUND,2.5,3,LB,"
                + (freight ? "FREIGHT,Transportation," + amount : "FUEL_SURCHARGE,Fuel Surcharge,1.70") + ",USD\n";
    }

    /** One upload's outcome: totals and findings (job ids replaced, as they differ between databases). */
    record Outcome(long rows, long findings, BigDecimal disputable, List<String> lines) {
    }

    /** Submits the files in order on a fresh database, waits for every job, and returns their outcomes. */
    List<Outcome> audit(String name, int workers, long chunkRows, List<String> files, List<List<JobStore.ChunkState>> chunks)
            throws Exception {
        Path rules = dir.resolve("rules");
        if (!Files.exists(rules)) {
            InvoiceJobProcessorTest.copy(Path.of("rules", "duplicates"), rules.resolve("duplicates"));
        }
        List<Outcome> out = new ArrayList<>();
        try (Database db = open(dir.resolve(name + "-db"))) {
            JobStore store = new JobStore(db);
            MappingStore mappings = new MappingStore(dir.resolve(name + "-mappings"));
            InvoiceJobProcessor processor = new InvoiceJobProcessor(new InvoiceAuditor(RulePackRegistry.load(rules),
                    new InvoiceEnricher(null, null)), mappings, 1L << 30);
            try (JobService service = new JobService(store, mappings, dir.resolve(name + "-jobs"),
                    Map.of(AuditKind.INVOICES, processor), workers, Clock.systemUTC(),
                    new JobService.Node(name, Duration.ofSeconds(15), false, chunkRows))) {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < files.size(); i++) {
                    Path upload = dir.resolve(name + "-" + i + ".csv");
                    Files.writeString(upload, files.get(i));
                    ids.add(service.submit(upload, "invoice-" + i + ".csv", "invoices", "generic", "test").id());
                }
                for (String id : ids) {
                    Job done = awaitDone(service, id);
                    assertEquals(JobStatus.DONE, done.status(), done.toString());
                    List<String> lines = new ArrayList<>();
                    store.findings(id, f -> lines.add(f.finding().ruleId() + "@" + f.row() + " " + f.finding().subject()
                            + " " + f.finding().amount() + " " + f.finding().message().replaceAll("j-[0-9a-f]+", "j-*")));
                    out.add(new Outcome(done.rowsDone(), done.findings(), done.disputableAmount().amount(), lines));
                    chunks.add(store.chunks(id));
                }
            }
        }
        return out;
    }

    static Job awaitDone(JobService s, String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            Job j = s.get(id).orElseThrow();
            if (j.status() == JobStatus.DONE || j.status() == JobStatus.FAILED) {
                return j;
            }
            assertTrue(j.rowsTotal() == null || j.rowsDone() <= j.rowsTotal(), "progress within the total: " + j);
            Thread.sleep(50);
        }
        throw new AssertionError("job " + id + " not done: " + s.get(id));
    }

    @Test
    void chunksAuditedByThreeWorkersFindWhatOneWorkerFindsOverTheWholeFile() throws Exception {
        List<String> shared = List.of("1ZSHARED00000000001", "1ZSHARED00000000002");
        // The first upload bills the shared packages too; the second, submitted after it, bills them again.
        List<String> files = List.of(invoice("INV-A", "1ZA", 6000, shared), invoice("INV-B", "1ZB", 1000, shared));
        List<List<JobStore.ChunkState>> single = new ArrayList<>();
        List<Outcome> one = audit("single", 1, 0, files, single);
        List<List<JobStore.ChunkState>> chunks = new ArrayList<>();
        List<Outcome> three = audit("chunked", 3, 2500, files, chunks);

        assertEquals(List.of(List.of(), List.of()), single, "a chunk size of 0 never splits");
        List<JobStore.ChunkState> a = chunks.get(0);
        assertTrue(a.size() >= 4, "12,000-odd rows in chunks of 2,500 or so: " + a);
        long next = 2;
        long rows = 0;
        for (JobStore.ChunkState c : a) {
            assertEquals(next, c.firstRow(), "chunks follow each other without a gap or an overlap: " + a);
            assertEquals(JobStatus.DONE, c.status());
            next = c.lastRow() + 1;
            rows += c.rowsDone();
        }
        assertEquals(one.get(0).rows(), rows, "the chunks' rows add up to the file's");
        assertEquals(List.of(), chunks.get(1), "the smaller upload (2,002 rows, under 2,500) is not split");

        for (int i = 0; i < files.size(); i++) {
            assertEquals(one.get(i).lines(), three.get(i).lines(), "upload " + i + ": the same findings, in row order");
            assertEquals(one.get(i).rows(), three.get(i).rows());
            assertEquals(one.get(i).findings(), three.get(i).findings());
            assertEquals(one.get(i).disputable(), three.get(i).disputable(), "the same total, to the cent");
        }
        // 26 packages billed again 1,300 packages later in A (rows in other chunks), 0 in B; the two shared packages
        // are found once each, in the later upload (DUP-002).
        assertEquals(26, one.get(0).lines().stream().filter(l -> l.startsWith("DUP-001")).count(), one.get(0).lines()
                .toString());
        assertEquals(0, one.get(0).lines().stream().filter(l -> l.startsWith("DUP-002")).count());
        assertEquals(2, one.get(1).lines().stream().filter(l -> l.startsWith("DUP-002")).count());
        assertTrue(one.get(0).disputable().signum() > 0);
    }
}
