package org.shipaudit.bench;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bench preship}: a fixed-rate run of single-shipment audits, then (optionally) the highest sustainable audit
 * rate and the same for the trivial {@code GET /health} of the same server, whose ratio says how much of the server's
 * HTTP capacity an audit costs. Progress goes to {@code log}; the figures come back as a {@link BenchReport}.
 */
public final class PreshipBench {

    /** Goals of the benchmark issue, on the reference 2-core machine with the load generator on it. */
    static final double GOAL_P99_MS_AT_1000 = 10;
    static final double GOAL_P99_MS_AT_2000 = 5;
    static final double GOAL_MAX_PER_SECOND = 10_000;
    static final double GOAL_BATCH_SHIPMENTS_PER_SECOND = 20_000;
    static final double GOAL_SERVER_CPU_MS_PER_AUDIT = 0.15;
    static final double GOAL_PERCENT_OF_TRIVIAL = 40;

    /** The trivial baseline: a small JSON answer from the event loop, through the same router, metrics and server. */
    public static final Target TRIVIAL = Target.get("trivial GET /health", "/health");

    /** What to run; durations are per run, the search's per step. */
    public record Settings(double rate, Duration warmup, Duration duration, boolean findMax, boolean trivial,
                           double p99LimitMs, double searchStart, double searchGrowth, int bisections,
                           double searchCeiling, Duration stepWarmup, Duration stepDuration, int saturationInFlight,
                           int batch,
                           int distinctShipments, long seed, double mistakeRate, LocalDate shipDate) {
    }

    private final LoadRun load;
    private final Saturation saturation;
    private final PrintWriter log;

    public PreshipBench(LoadRun load, Saturation saturation, PrintWriter log) {
        this.load = load;
        this.saturation = saturation;
        this.log = log;
    }

    /** What an audit run sends, and the generated shipments its bodies carry in order (for the planted check). */
    public record AuditLoad(Target target, List<GeneratedShipment> shipments) {
    }

    /** The audit target: {@code distinctShipments} generated bodies with the catalogue's descriptions. */
    public static Target auditTarget(Settings s) {
        return auditLoad(s, List.of()).target();
    }

    /**
     * {@code distinctShipments} generated shipments, single or in batches of {@code s.batch()}, their general
     * merchandise described by {@code titles} when there are any (see {@link ShipmentGenerator}).
     */
    public static AuditLoad auditLoad(Settings s, List<ClassifyCase> titles) {
        ShipmentGenerator generator = new ShipmentGenerator(s.seed(), s.mistakeRate(), s.shipDate(), titles);
        List<byte[]> bodies = new ArrayList<>(s.distinctShipments());
        List<GeneratedShipment> shipments = new ArrayList<>(s.distinctShipments());
        if (s.batch() <= 1) {
            for (int i = 0; i < s.distinctShipments(); i++) {
                GeneratedShipment g = generator.next();
                shipments.add(g);
                bodies.add(ShipmentGenerator.toJson(g.shipment()));
            }
            return new AuditLoad(Target.post("audit", "/v1/audits/shipments", bodies), shipments);
        }
        int batches = Math.max(1, s.distinctShipments() / s.batch());
        for (int b = 0; b < batches; b++) {
            StringBuilder json = new StringBuilder("{\"shipments\":[");
            for (int i = 0; i < s.batch(); i++) {
                GeneratedShipment g = generator.next();
                shipments.add(g);
                json.append(i == 0 ? "" : ",").append(new String(ShipmentGenerator.toJson(g.shipment()),
                        StandardCharsets.UTF_8));
            }
            bodies.add(json.append("]}").toString().getBytes(StandardCharsets.UTF_8));
        }
        return new AuditLoad(Target.post("audit batch of " + s.batch(), "/v1/audits/shipments/batch", bodies),
                shipments);
    }

    /**
     * @param referenceData what the server's reference index holds, for the report
     * @param planted       the planted-mistake check run before, or null when none was run
     */
    public BenchReport run(Settings s, Target audit, String serverDescription, String referenceData,
                           PlantedCheck.Result planted) throws InterruptedException {
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        double loadBefore = BenchReport.Machine.loadAverage();
        int perRequest = Math.max(1, s.batch());
        log.printf("fixed rate: %s at %.0f requests/s, %d s warm-up, %d s measured%n", audit.name(), s.rate(),
                s.warmup().toSeconds(), s.duration().toSeconds());
        log.flush();
        RunResult fixed = load.run(audit, s.rate(), s.warmup(), s.duration());
        log.println("  " + ReportTable.brief(fixed));

        MaxRateSearch.Outcome auditMax = null;
        MaxRateSearch.Outcome trivialMax = null;
        MaxRateSearch search = new MaxRateSearch(s.p99LimitMs(), s.searchGrowth(), s.bisections(), s.searchCeiling());
        if (s.findMax()) {
            auditMax = search(search, audit, s);
            if (s.trivial()) {
                trivialMax = search(search, TRIVIAL, s);
            }
        }
        Saturation.Result auditSat = null;
        Saturation.Result trivialSat = null;
        if (s.findMax()) {
            auditSat = saturate(audit, s);
            if (s.trivial()) {
                trivialSat = saturate(TRIVIAL, s);
            }
        }
        Double percent = auditMax != null && trivialMax != null && trivialMax.maxSustainablePerSecond() > 0
                ? 100.0 * auditMax.maxSustainablePerSecond() * perRequest / trivialMax.maxSustainablePerSecond() : null;
        Double saturationPercent = auditSat != null && trivialSat != null && trivialSat.okPerSecond() > 0
                ? 100.0 * auditSat.okPerSecond() * perRequest / trivialSat.okPerSecond() : null;
        return new BenchReport(started.toString(), BenchReport.Machine.describe(loadBefore), serverDescription,
                referenceData, new BenchReport.Workload(audit.bodies().size(), audit.meanBodyBytes(), perRequest,
                        s.seed(), s.mistakeRate(), s.shipDate().toString()),
                planted, fixed, auditMax, trivialMax, percent, auditSat, trivialSat, saturationPercent,
                BenchReport.goals(s.rate(), fixed, auditMax, trivialMax, percent, auditSat, saturationPercent,
                        perRequest, planted));
    }

    private Saturation.Result saturate(Target target, Settings s) throws InterruptedException {
        log.printf("saturation: %s, %d requests in flight, %d s warm-up + %d s%n", target.name(),
                s.saturationInFlight(), s.stepWarmup().toSeconds(), s.stepDuration().toSeconds() * 2);
        log.flush();
        Saturation.Result r = saturation.run(target, s.saturationInFlight(), s.stepWarmup(),
                s.stepDuration().multipliedBy(2));
        log.println("  " + ReportTable.brief(r));
        log.flush();
        Thread.sleep(500);
        return r;
    }

    private MaxRateSearch.Outcome search(MaxRateSearch search, Target target, Settings s)
            throws InterruptedException {
        log.printf("find max: %s from %.0f/s, x%.2f per step, %d s warm-up + %d s per step, p99 limit %.1f ms%n",
                target.name(), s.searchStart(), s.searchGrowth(), s.stepWarmup().toSeconds(),
                s.stepDuration().toSeconds(), s.p99LimitMs());
        log.flush();
        return search.search(s.searchStart(), rate -> {
            RunResult r = load.run(target, rate, s.stepWarmup(), s.stepDuration());
            String why = search.why(r);
            log.println("  " + ReportTable.brief(r) + (why.isEmpty() ? "  ok" : "  FAIL: " + why));
            log.flush();
            // Let the server settle (GC, queues) so one step's backlog does not count against the next.
            Thread.sleep(500);
            return r;
        });
    }
}
