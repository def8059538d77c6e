package org.shipaudit.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.shipaudit.bench.CpuMeter;
import org.shipaudit.bench.LoadRun;
import org.shipaudit.bench.PreshipBench;
import org.shipaudit.bench.ReloadBench;
import org.shipaudit.bench.RunResult;
import org.shipaudit.bench.Target;
import org.shipaudit.bench.VertxHttpTransport;
import org.shipaudit.config.ConfigKey;
import org.shipaudit.config.ConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** bench reload: deploy time of a large pack and audit latency while it is deployed again and again. */
@Command(name = "reload", mixinStandardHelpOptions = true,
        description = "Deploy a pack of N rules repeatedly while audits run; report deploy time and latency during swaps.")
public final class BenchReloadCommand implements Callable<Integer> {

    @Option(names = "--rules", defaultValue = "500", description = "rules in the deployed pack (default: ${DEFAULT-VALUE})")
    int rules;

    @Option(names = "--deploys", defaultValue = "5", description = "deploys during the load (default: ${DEFAULT-VALUE})")
    int deploys;

    @Option(names = "--rate", defaultValue = "200", description = "audits per second (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--rules-dir", defaultValue = "rules", paramLabel = "DIR", description = "packs to run beside it")
    Path rulesDir;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path rules = BenchRules.copyOf(rulesDir, "reload");
        Path work = rules.getParent();
        ReloadBench.writePack(rules.resolve("big"), this.rules);
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.HTTP_PORT, "0");
        flags.put(ConfigKey.HTTP_HOST, "127.0.0.1");
        flags.put(ConfigKey.DATA_DIR, work.resolve("data").toString());
        flags.put(ConfigKey.RULES_DIR, rules.toString());
        try (ServiceAssembly service = ServiceAssembly.start(ConfigLoader.load(null, Map.of(), flags));
             VertxHttpTransport transport = new VertxHttpTransport("http://127.0.0.1:" + service.port(), 32, 1, null,
                     10_000)) {
            PreshipBench.Settings settings = new PreshipBench.Settings(rate, Duration.ofSeconds(10),
                    Duration.ofSeconds(10), false, false, 10, 0, 0, 0, 0, Duration.ZERO, Duration.ZERO, 0, 1, 1000, 42,
                    0.05, LocalDate.of(2026, 11, 20));
            Target audit = PreshipBench.auditTarget(settings);
            LoadRun load = new LoadRun(transport, CpuMeter.thisProcess(), true, Duration.ofSeconds(10));
            ReloadBench.Result r = ReloadBench.run(load, audit, rate, Duration.ofSeconds(10), Duration.ofSeconds(10),
                    service.packs(), "big", this.rules, deploys);
            out.printf("pack of %d rules with %d scenarios, %d deploys at %.0f audits/s (in-process)%n", this.rules,
                    this.rules * 2, deploys, rate);
            out.printf("deploy call to new version answering: %s s%n", r.deploySeconds().stream()
                    .map(s -> String.format("%.2f", s)).toList());
            out.printf("%-22s %9s %9s %9s %9s %8s%n", "audits", "p50 ms", "p99 ms", "max ms", "per s", "errors");
            line(out, "steady state", r.steady());
            line(out, "during deploys", r.duringDeploys());
            out.printf("p99 during deploys / steady: %.2f%n", r.duringDeploys().p99Ms() / r.steady().p99Ms());
            out.flush();
            return r.duringDeploys().errorCount() == 0 ? 0 : 1;
        }
    }

    private static void line(PrintWriter out, String name, RunResult r) {
        out.printf("%-22s %9.2f %9.2f %9.2f %9.0f %8d %s%n", name, r.p50Ms(), r.p99Ms(), r.maxMs(), r.achievedPerSecond(),
                r.errorCount(), r.errorCount() == 0 ? "" : r.errors()); // by status: a 503 is not a 400
    }
}
