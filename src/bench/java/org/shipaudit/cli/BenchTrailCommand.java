package org.shipaudit.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.shipaudit.audit.ShipmentAuditor;
import org.shipaudit.bench.ShipmentGenerator;
import org.shipaudit.bench.TrailBench;
import org.shipaudit.config.AppConfig;
import org.shipaudit.findings.AuditResult;
import org.shipaudit.json.Mappers;
import org.shipaudit.model.api.Shipment;
import org.shipaudit.reference.ReferenceIndex;
import org.shipaudit.rules.EvaluationPolicy;
import org.shipaudit.rules.RulePackRegistry;
import org.shipaudit.store.AuditRecord;
import org.shipaudit.store.SentJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * bench trail: the CPU the decision trail costs per pre-ship decision, at a fixed rate, for the writer's linger and
 * the order of decision ids, on the decisions {@code bench preship} would make (same generator, titles and data).
 */
@Command(name = "trail", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Queue real pre-ship decisions on the decision trail at a fixed rate into an embedded database "
                + "holding a history, and report the process CPU per decision kept, for the writer's linger (0 ms: "
                + "written as soon as one is queued) and time-ordered against random decision ids, in alternation."})
public final class BenchTrailCommand implements Callable<Integer> {

    @Option(names = "--rate", defaultValue = "1000", description = "decisions queued per second (default: 1000)")
    int rate;

    @Option(names = "--duration", defaultValue = "20s", converter = DurationConverter.class,
            description = "measured window per variant and round (default: 20s)")
    Duration window;

    @Option(names = "--warmup", defaultValue = "5s", converter = DurationConverter.class,
            description = "window per variant of the unreported first round (default: 5s)")
    Duration warmup;

    @Option(names = "--rounds", defaultValue = "3", description = "rounds over the variants (default: 3)")
    int rounds;

    @Option(names = "--history", defaultValue = "100000",
            description = "decisions written to each database before its window (default: 100000)")
    int history;

    @Option(names = "--shipments", defaultValue = "2000", description = "distinct decisions, each audited once (default: 2000)")
    int shipments;

    @Option(names = "--work", paramLabel = "DIR", description = "where the databases are made (default: the temporary directory)")
    Path work;

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Mixin
    BenchWorkloadOptions workload;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter log = spec.commandLine().getErr();
        if (rate < 1 || rounds < 1 || history < 0 || shipments < 1 || window.toSeconds() < 1) {
            throw new IllegalArgumentException("--rate, --rounds, --shipments and --duration (whole seconds) must be"
                    + " at least 1, --history at least 0");
        }
        AppConfig config = workload.inProcessConfig(options, log);
        List<AuditRecord> decisions = new ArrayList<>(shipments);
        try (ReferenceIndex reference = ServiceAssembly.openReference(config)) {
            ShipmentAuditor auditor = BenchWorkloadOptions.auditor(config, RulePackRegistry.load(config.rulesDir()),
                    reference, EvaluationPolicy.defaults());
            ShipmentGenerator generator = new ShipmentGenerator(workload.seed, workload.mistakeRate, workload.shipDate,
                    workload.titles(log));
            for (int i = 0; i < shipments; i++) {
                Shipment s = generator.next().shipment();
                AuditResult r = auditor.audit(s);
                decisions.add(new AuditRecord(SentJson.asReceived(ShipmentGenerator.toJson(s)), s, r,
                        Mappers.json().writeValueAsBytes(r), "bench"));
            }
        }
        long findings = decisions.stream().mapToLong(d -> d.result().findings().size()).sum();
        log.printf("%d decisions audited, %.2f findings each%n", shipments, (double) findings / shipments);
        List<TrailBench.Variant> variants = List.of(
                new TrailBench.Variant(Duration.ZERO, TrailBench.Ids.RANDOM),
                new TrailBench.Variant(Duration.ZERO, TrailBench.Ids.ORDERED),
                new TrailBench.Variant(Duration.ofMillis(50), TrailBench.Ids.RANDOM),
                new TrailBench.Variant(Duration.ofMillis(50), TrailBench.Ids.ORDERED));
        Path dir = work != null ? Files.createDirectories(work) : Path.of(System.getProperty("java.io.tmpdir"));
        List<TrailBench.Result> results = new TrailBench(decisions, log).run(variants, rounds, rate, warmup, window, history,
                dir);
        out.printf("ShipAudit bench trail, %d decisions/s, %s windows, %d rounds, %d decisions of history; load average"
                + " %.2f at end%n", rate, window, rounds, history,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        TrailBench.print(results, variants, out);
        return 0;
    }
}
