package org.shipaudit.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.shipaudit.findings.AuditResult;
import org.shipaudit.findings.Finding;
import org.shipaudit.rules.PackFailures;
import org.shipaudit.rules.RulePackRegistry;

/**
 * The service's own metrics beside Vert.x's HTTP metrics: audits by verdict, findings by rule, active pack versions.
 * Counters are cached per label set so recording an audit allocates nothing in the steady state.
 */
public final class AppMetrics {

    /**
     * Latency buckets of every timer (HTTP requests, audits, Vert.x pools), in seconds: fixed and few, so a Prometheus
     * {@code histogram_quantile} works across instances without Micrometer's ~70 default buckets per label set. They
     * bracket the goals (p99 under 10 ms for an audit) and the slow paths (uploads, rule deploys).
     */
    static final List<Duration> LATENCY_BUCKETS = Stream.of(1, 2, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000,
            10_000, 30_000).map(Duration::ofMillis).toList();

    private final PrometheusMeterRegistry registry = newRegistry();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Timer audits = Timer.builder("shipaudit.audit.evaluation")
            .description("One shipment's audit (reference look-ups and every pack), on the audit worker")
            .register(registry);

    private static PrometheusMeterRegistry newRegistry() {
        PrometheusMeterRegistry r = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // Before any meter exists: a filter applies only to meters registered after it.
        r.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getType() != Meter.Type.TIMER) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(LATENCY_BUCKETS.stream().mapToDouble(Duration::toNanos).toArray())
                        .build().merge(config);
            }
        });
        // The process as an operator sees it: heap and GC, threads, classes, CPU, open files, uptime.
        new JvmMemoryMetrics().bindTo(r);
        new JvmGcMetrics().bindTo(r);
        new JvmThreadMetrics().bindTo(r);
        new ClassLoaderMetrics().bindTo(r);
        new ProcessorMetrics().bindTo(r);
        new FileDescriptorMetrics().bindTo(r);
        new UptimeMetrics().bindTo(r);
        return r;
    }

    /** Times one shipment's audit: {@code shipaudit_audit_evaluation_seconds_bucket}. */
    Timer auditTimer() {
        return audits;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public void recordAudit(AuditResult result) {
        counters.computeIfAbsent("v" + result.verdict(), k -> Counter.builder("shipaudit.audits")
                .description("Pre-ship audits by verdict").tag("verdict", result.verdict().name())
                .register(registry)).increment();
        for (Finding f : result.findings()) {
            counters.computeIfAbsent(f.pack() + "/" + f.ruleId(), k -> Counter.builder("shipaudit.findings")
                    .description("Findings by rule").tag("pack", f.pack()).tag("rule", f.ruleId())
                    .tag("severity", f.severity().name()).register(registry)).increment();
        }
    }

    /** Why a connection ended without a complete exchange, for {@code shipaudit_http_aborted_total}. */
    enum Abort {
        /** The client closed or reset the connection before its request was read or answered. */
        CLIENT_CLOSED,
        /** Request headers did not arrive within {@code http.header-timeout}. */
        HEADER_TIMEOUT,
        /** The request body made no progress for {@code http.body-timeout}. */
        BODY_TIMEOUT,
        /** The request could not be parsed as HTTP/1.1 (framing, header syntax, sizes). */
        MALFORMED
    }

    void countAborted(Abort reason) {
        counters.computeIfAbsent("abort/" + reason, k -> Counter.builder("shipaudit.http.aborted")
                .description("Connections or requests that ended without a complete exchange, by reason")
                .tag("reason", reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                .register(registry)).increment();
    }

    /** Audits refused with 503 because the queue in front of the workers was full. */
    void countShed(String pool) {
        counters.computeIfAbsent("shed/" + pool, k -> Counter.builder("shipaudit.http.shed")
                .description("Requests refused with 503 because the worker queue was full, by pool")
                .tag("pool", pool).register(registry)).increment();
    }

    /**
     * Publishes one gauge per active pack carrying its version as a label (value 1), Prometheus' info idiom, and
     * keeps it current across deploys and rollbacks.
     */
    /** Packages of pre-ship audits recorded for the invoice audit, and those dropped because the database lagged. */
    public void watchRecorder(org.shipaudit.store.ShipmentRecorder recorder) {
        io.micrometer.core.instrument.FunctionCounter.builder("shipaudit.shipments.recorded", recorder,
                        org.shipaudit.store.ShipmentRecorder::recorded)
                .description("Shipped packages recorded from pre-ship audits").register(registry);
        io.micrometer.core.instrument.FunctionCounter.builder("shipaudit.shipments.unrecorded", recorder,
                        org.shipaudit.store.ShipmentRecorder::dropped)
                .description("Shipped packages not recorded: the queue to the database was full or the write failed")
                .register(registry);
        watchWrites(recorder.health());
    }

    /** Every record a background writer did not store: {@code shipaudit_records_dropped_total{what,reason}}. */
    void watchWrites(org.shipaudit.store.WriteHealth health) {
        health.onDrop(d -> counters.computeIfAbsent("drop/" + d.what() + "\u0000" + d.reason(),
                k -> Counter.builder("shipaudit.records.dropped")
                        .description("Records not stored by a background writer, by kind and reason")
                        .tag("what", d.what()).tag("reason", d.reason().label()).register(registry))
                .increment(d.count()));
    }

    /** Pre-ship decisions kept in the trail, and those dropped because the queue to the database was full. */
    public void watchTrail(org.shipaudit.store.DecisionTrail trail) {
        io.micrometer.core.instrument.FunctionCounter.builder("shipaudit.decisions.recorded", trail,
                        org.shipaudit.store.DecisionTrail::recorded)
                .description("Pre-ship decisions kept in the decision trail").register(registry);
        io.micrometer.core.instrument.FunctionCounter.builder("shipaudit.decisions.dropped", trail,
                        org.shipaudit.store.DecisionTrail::dropped)
                .description("Pre-ship decisions not kept: the queue to the database was full or the write failed")
                .register(registry);
        io.micrometer.core.instrument.Gauge.builder("shipaudit.decisions.queued", trail,
                        org.shipaudit.store.DecisionTrail::queued)
                .description("Pre-ship decisions waiting for the database; at the queue's capacity further ones are "
                        + "dropped").register(registry);
    }

    /**
     * Counts the pack evaluations that failed closed, by pack, rule (id, else name) and reason:
     * {@code shipaudit_pack_failures_total{pack,rule,reason}}.
     */
    public void watchFailures(PackFailures failures) {
        failures.onFailure(f -> counters.computeIfAbsent("f" + f.pack() + "\u0000" + f.ruleLabel() + "\u0000"
                + f.reason(), k -> Counter.builder("shipaudit.pack.failures")
                .description("Pack evaluations that threw or hit a limit and failed closed")
                .tag("pack", f.pack()).tag("rule", f.ruleLabel()).tag("reason", f.reason().name())
                .register(registry)).increment());
    }

    public void watchPacks(RulePackRegistry packs) {
        Gauge.builder("shipaudit.rule.packs", packs, p -> p.snapshot().size())
                .description("Number of active rule packs").register(registry);
        MultiGauge info = MultiGauge.builder("shipaudit.rule.pack.info").description("Active rule pack version")
                .register(registry);
        packs.onActivation(snapshot -> info.register(snapshot.values().stream()
                .map(p -> MultiGauge.Row.of(Tags.of("pack", p.name(), "version", p.version()), 1))
                .toList(), true));
    }

    /**
     * Progress of the jobs running now, from the job service's memory (a scrape runs on the event loop and must not
     * query the database): {@code shipaudit_jobs_running}, rows done and expected (rowsTotal) over them, and
     * {@code shipaudit_jobs_progress_ratio}, rows done over rows total (NaN when no job runs or none has a total yet).
     */
    public void watchJobs(org.shipaudit.jobs.JobService jobs) {
        Gauge.builder("shipaudit.jobs.running", jobs, j -> j.running().size())
                .description("Bulk jobs running now").register(registry);
        Gauge.builder("shipaudit.jobs.rows.done", jobs, j -> j.running().stream()
                        .mapToLong(org.shipaudit.jobs.Job::rowsDone).sum())
                .description("Rows done by the jobs running now, as of their last checkpoint").register(registry);
        Gauge.builder("shipaudit.jobs.rows.expected", jobs, j -> j.running().stream()
                        .mapToLong(x -> x.rowsTotal() == null ? 0 : x.rowsTotal()).sum())
                .description("Rows known or estimated in the jobs running now").register(registry);
        Gauge.builder("shipaudit.jobs.progress", jobs, j -> {
            long done = 0;
            long total = 0;
            for (org.shipaudit.jobs.Job x : j.running()) {
                if (x.rowsTotal() != null && x.rowsTotal() > 0) {
                    done += x.rowsDone();
                    total += x.rowsTotal();
                }
            }
            return total == 0 ? Double.NaN : Math.min(1.0, done / (double) total);
        }).baseUnit("ratio").description("Rows done over rows total of the jobs running now").register(registry);
    }
}
