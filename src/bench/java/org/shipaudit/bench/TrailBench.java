package org.shipaudit.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.shipaudit.audit.ShipmentAuditor;
import org.shipaudit.findings.AuditResult;
import org.shipaudit.store.AuditRecord;
import org.shipaudit.store.AuditTrailStore;
import org.shipaudit.store.Database;
import org.shipaudit.store.DecisionTrail;
import org.shipaudit.store.WriteHealth;

/**
 * What keeping pre-ship decisions costs: real decisions (audited once, before the clock starts) queued on a
 * {@link DecisionTrail} at a fixed rate, into an embedded database that already holds a history of decisions, and the
 * process CPU spent per decision over the window, less the pacing thread's. Each variant (the writer's linger, the
 * order of the decision ids) runs on a fresh database of its own, in alternation, so the figures are ratios from one
 * run.
 */
public final class TrailBench {

    /** How decision ids are made: time-ordered (as {@link ShipmentAuditor#newAuditId}) or random (UUID version 4). */
    public enum Ids {
        ORDERED(ShipmentAuditor::newAuditId), RANDOM(() -> "a-" + UUID.randomUUID());

        final Supplier<String> next;

        Ids(Supplier<String> next) {
            this.next = next;
        }
    }

    /** One way of writing the trail. */
    public record Variant(Duration linger, Ids ids) {
        public String label() {
            return "linger " + linger.toMillis() + " ms, " + ids.name().toLowerCase() + " ids";
        }
    }

    /** A variant's figures for one window. */
    public record Result(Variant variant, long decisions, double cpuMicrosPerDecision, long dropped, int maxQueued) {
    }

    private final List<AuditRecord> templates;
    private final PrintWriter log;

    /** @param templates decisions as the service would queue them; their ids are replaced on every use */
    public TrailBench(List<AuditRecord> templates, PrintWriter log) {
        if (templates.isEmpty()) {
            throw new IllegalArgumentException("no decisions to write");
        }
        this.templates = templates;
        this.log = log;
    }

    /**
     * Runs every variant {@code rounds} times in alternation, after one unreported round of {@code warmup} windows,
     * each on a new database under {@code work} filled first with {@code history} decisions of that variant's ids,
     * then fed {@code rate} decisions a second for {@code duration}.
     */
    public List<Result> run(List<Variant> variants, int rounds, int rate, Duration warmup, Duration duration, int history,
                            Path work)
            throws IOException, InterruptedException {
        List<Result> out = new ArrayList<>();
        // Round 0 is not reported: the first variant would otherwise pay for compiling the writer's code.
        for (int round = 0; round <= rounds; round++) {
            for (Variant v : variants) {
                Path dir = Files.createTempDirectory(work, "trail-");
                try (Database db = Database.open(dir)) {
                    AuditTrailStore store = new AuditTrailStore(db);
                    fill(store, v.ids(), history);
                    Result r = window(store, v, rate, round == 0 ? warmup : duration);
                    log.printf("%s, %s: %.1f us CPU per decision, %d kept, %d dropped%n",
                            round == 0 ? "warm-up" : "round " + round, v.label(), r.cpuMicrosPerDecision(),
                            r.decisions(), r.dropped());
                    if (round > 0) {
                        out.add(r);
                    }
                }
                deleteTree(dir);
            }
        }
        return out;
    }

    private void fill(AuditTrailStore store, Ids ids, int history) {
        List<AuditRecord> batch = new ArrayList<>(500);
        for (int i = 0; i < history; i++) {
            batch.add(next(i, ids));
            if (batch.size() == 500) {
                store.write(batch);
                batch.clear();
            }
        }
        store.write(batch);
    }

    private Result window(AuditTrailStore store, Variant v, int rate, Duration duration) throws InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        CpuMeter process = CpuMeter.thisProcess();
        WriteHealth health = new WriteHealth();
        DecisionTrail trail = new DecisionTrail(store, Clock.systemUTC(), 90, health, v.linger());
        long total = duration.toNanos() / 1_000_000_000L * rate;
        long period = 1_000_000_000L / rate;
        int maxQueued = 0;
        long cpu0 = process.cpuNanos();
        long self0 = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            trail.record(next((int) i, v.ids()));
            maxQueued = Math.max(maxQueued, trail.queued());
        }
        trail.close(); // writes what is queued: its cost is the window's
        long cpu = process.cpuNanos() - cpu0 - (threads.getCurrentThreadCpuTime() - self0);
        long kept = trail.recorded();
        return new Result(v, kept, kept == 0 ? 0 : cpu / 1_000.0 / kept, trail.dropped(), maxQueued);
    }

    /** The i-th template as a new decision: a new id and the time now; the answer's bytes are the template's. */
    private AuditRecord next(int i, Ids ids) {
        AuditRecord t = templates.get(i % templates.size());
        AuditResult r = t.result();
        AuditResult fresh = new AuditResult(ids.next.get(), r.shipmentId(), r.verdict(), r.findings(),
                r.billableWeight(), r.rulePacks(), Instant.now());
        return new AuditRecord(t.sent(), t.shipment(), fresh, t.resultJson(), t.caller());
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The figures as a table: each variant's median over its rounds, and its ratio to the first variant's. */
    public static void print(List<Result> results, List<Variant> variants, PrintWriter out) {
        out.printf("%-34s %10s %12s %14s %10s %10s%n", "variant", "kept", "us CPU/dec", "ratio to first", "dropped",
                "max queue");
        double first = -1;
        for (Variant v : variants) {
            List<Result> mine = results.stream().filter(r -> r.variant().equals(v)).toList();
            double[] cpu = mine.stream().mapToDouble(Result::cpuMicrosPerDecision).sorted().toArray();
            double median = cpu[cpu.length / 2];
            first = first < 0 ? median : first;
            out.printf("%-34s %10d %12.1f %14.2f %10d %10d%n", v.label(), mine.stream().mapToLong(Result::decisions).sum(),
                    median, median / first, mine.stream().mapToLong(Result::dropped).sum(),
                    mine.stream().mapToInt(Result::maxQueued).max().orElse(0));
        }
    }
}
