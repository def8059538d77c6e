package org.shipaudit.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.shipaudit.bench.BenchReport;
import org.shipaudit.bench.ClassifyCase;
import org.shipaudit.bench.CpuMeter;
import org.shipaudit.bench.PlantedCheck;
import org.shipaudit.bench.LoadRun;
import org.shipaudit.bench.OfficialData;
import org.shipaudit.bench.PreshipBench;
import org.shipaudit.bench.ReportTable;
import org.shipaudit.bench.Saturation;
import org.shipaudit.bench.Target;
import org.shipaudit.bench.VertxHttpTransport;
import org.shipaudit.config.AppConfig;
import org.shipaudit.config.ConfigKey;
import org.shipaudit.json.Mappers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * bench preship: open-loop load of pre-ship audits against a running service ({@code --url}) or, by default, one
 * started in this JVM on a free port of 127.0.0.1 (then server and load generator share the machine's cores, and the
 * server's CPU is the process's less the load generator's threads).
 */
@Command(name = "preship", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Drive POST /v1/audits/shipments at a fixed rate with generated shipments (open loop, latency "
                + "from the intended send time) and report achieved rate, p50/p99/p99.9/max, errors and server CPU "
                + "per audit.",
                "With --find-max, also find the highest rate that keeps p99 under the limit and the saturation "
                        + "throughput, the same for GET /health, and report the audit's share of it."})
public final class BenchPreshipCommand implements Callable<Integer> {

    @Option(names = "--url", paramLabel = "URL",
            description = "base URL of a running service, e.g. http://127.0.0.1:8080 (default: start one in-process)")
    String url;

    @Option(names = "--server-pid", paramLabel = "PID",
            description = "process id of the --url service, to report its CPU per audit from /proc/PID/stat")
    Long serverPid;

    @Option(names = "--api-key", paramLabel = "KEY", description = "bearer key when the service requires one")
    String apiKey;

    @Option(names = "--rate", defaultValue = "1000", description = "requests per second of the fixed-rate run (default: 1000)")
    double rate;

    @Option(names = "--duration", defaultValue = "20s", converter = DurationConverter.class,
            description = "measured time of the fixed-rate run (default: 20s)")
    Duration duration;

    // 30 s: the JIT compiles Drools' generated code for about that long on 2 cores (C2 was still 40 % of the
    // server's CPU 30 s after start in the first runs), and a shorter warm-up charges that to the measurement.
    @Option(names = "--warmup", defaultValue = "30s", converter = DurationConverter.class,
            description = "warm-up before it, same rate, not measured (default: 30s)")
    Duration warmup;

    @Option(names = "--endpoint", defaultValue = "audit",
            description = "what the fixed-rate run drives: audit (POST /v1/audits/shipments) or health (GET /health)")
    String endpoint;

    @Option(names = "--find-max", description = "also search the highest sustainable rate, for audits and GET /health")
    boolean findMax;

    @Option(names = "--no-trivial", description = "with --find-max, skip the GET /health baseline")
    boolean noTrivial;

    @Option(names = "--p99-limit", defaultValue = "10", description = "p99 in ms a sustainable rate stays within (default: 10)")
    double p99Limit;

    @Option(names = "--start-rate", defaultValue = "500", description = "first rate of the search (default: 500)")
    double startRate;

    @Option(names = "--growth", defaultValue = "1.5", description = "factor between search steps (default: 1.5)")
    double growth;

    @Option(names = "--bisections", defaultValue = "3", description = "refining steps after the first failure (default: 3)")
    int bisections;

    @Option(names = "--max-rate", defaultValue = "200000", description = "the search stops here (default: 200000)")
    double maxRate;

    @Option(names = "--step-duration", defaultValue = "5s", converter = DurationConverter.class,
            description = "measured time per search step (default: 5s)")
    Duration stepDuration;

    @Option(names = "--step-warmup", defaultValue = "2s", converter = DurationConverter.class,
            description = "warm-up per search step (default: 2s)")
    Duration stepWarmup;

    @Option(names = "--in-flight", defaultValue = "64",
            description = "with --find-max, requests kept in flight for the saturation throughput (default: 64)")
    int inFlight;

    @Option(names = "--batch", defaultValue = "1",
            description = "shipments per request; above 1 uses POST /v1/audits/shipments/batch (default: 1)")
    int batch;

    @Option(names = "--shipments", defaultValue = "2000", description = "distinct generated shipments to cycle through (default: 2000)")
    int shipments;

    @Option(names = "--connections", defaultValue = "128", description = "keep-alive connections (default: 128)")
    int connections;

    @Option(names = "--client-threads", defaultValue = "1", description = "load generator event loops (default: 1)")
    int clientThreads;

    @Option(names = "--timeout", defaultValue = "10s", converter = DurationConverter.class,
            description = "a request unanswered this long counts as an error (default: 10s)")
    Duration timeout;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the figures as JSON")
    Path json;

    @Option(names = "--no-check", description = "skip the planted-mistake check before the timed runs")
    boolean noCheck;

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
        PreshipBench.Settings settings = new PreshipBench.Settings(rate, warmup, duration, findMax, !noTrivial,
                p99Limit, startRate, growth, bisections, maxRate, stepWarmup, stepDuration, inFlight, batch, shipments,
                workload.seed, workload.mistakeRate, workload.shipDate);
        List<ClassifyCase> cases = workload.titles(log);
        PreshipBench.AuditLoad load0 = PreshipBench.auditLoad(settings, cases);
        Target audit = switch (endpoint) {
            case "audit" -> load0.target();
            case "health" -> PreshipBench.TRIVIAL;
            default -> throw new IllegalArgumentException("--endpoint is audit or health, not " + endpoint);
        };
        ServiceAssembly server = null;
        try {
            String base = url;
            String description;
            CpuMeter serverCpu;
            boolean inProcess = url == null;
            String referenceData = "that of the service at " + url;
            if (inProcess) {
                Path officialDir = workload.officialDir();
                Path dataDir = options.dataDir;
                if (officialDir != null) {
                    dataDir = dataDir != null ? dataDir : BenchWorkloadOptions.OFFICIAL_DATA_DIR;
                    referenceData = OfficialData.ensure(officialDir, dataDir, log);
                } else {
                    referenceData = "the bundled sample" + ("none".equals(workload.official) ? ""
                            : " (official files not found at " + workload.official + ")");
                    log.println("reference data: " + referenceData);
                }
                log.flush();
                server = startInProcess(dataDir);
                base = "http://127.0.0.1:" + server.port();
                serverCpu = CpuMeter.thisProcess();
                description = "in-process on " + base + " (same JVM as the load generator, sharing its cores; server "
                        + "CPU = process CPU less the load generator's threads, GC and JIT counted as the server's)";
            } else if (serverPid != null) {
                serverCpu = CpuMeter.ofPid(serverPid);
                description = "external at " + url + ", CPU of pid " + serverPid + " from /proc";
            } else {
                serverCpu = () -> -1;
                description = "external at " + url + " (server CPU not measured: give --server-pid)";
            }
            try (VertxHttpTransport transport = new VertxHttpTransport(base, connections, clientThreads, apiKey,
                    timeout.toMillis())) {
                LoadRun load = new LoadRun(transport, serverCpu, inProcess, timeout.plusSeconds(1));
                Saturation saturation = new Saturation(transport, serverCpu, inProcess);
                PlantedCheck.Result planted = null;
                if (!noCheck && "audit".equals(endpoint)) {
                    planted = PlantedCheck.run(base, apiKey, audit, load0.shipments());
                    log.println("planted-mistake check: " + planted.ok());
                    log.flush();
                }
                BenchReport report = new PreshipBench(load, saturation, log).run(settings, audit, description,
                        referenceData, planted);
                ReportTable.print(report, out);
                if (json != null) {
                    Mappers.json().writerWithDefaultPrettyPrinter().writeValue(json.toFile(), report);
                    log.println("figures written to " + json);
                }
                if (planted != null && !planted.ok()) {
                    log.println("FAILED: not every planted mistake was reported (see check: above)");
                    return 1;
                }
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
        return 0;
    }

    private ServiceAssembly startInProcess(Path dataDir) throws Exception {
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.HTTP_PORT, "0");
        flags.put(ConfigKey.HTTP_HOST, "127.0.0.1");
        // The benchmark measures audits, not key checks; an external server with auth on takes --api-key.
        flags.put(ConfigKey.AUTH_ENABLED, "false");
        // The in-process server writes (rule-pack store, index, database): keep it out of ./data.
        flags.put(ConfigKey.DATA_DIR, dataDir != null ? dataDir.toString()
                : Files.createTempDirectory("shipaudit-bench").toString());
        AppConfig config = options.load(flags);
        ServiceAssembly service = ServiceAssembly.start(config);
        spec.commandLine().getErr().println("in-process service on port " + service.port() + " with rule packs "
                + service.packs().registry().versions().entrySet().stream().map(e -> e.getKey() + "@" + e.getValue())
                .collect(Collectors.joining(", ")));
        return service;
    }
}
