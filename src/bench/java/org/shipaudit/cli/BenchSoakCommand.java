package org.shipaudit.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.shipaudit.bench.CpuMeter;
import org.shipaudit.bench.LoadRun;
import org.shipaudit.bench.MaxRateSearch;
import org.shipaudit.bench.PreshipBench;
import org.shipaudit.bench.ReportTable;
import org.shipaudit.bench.RunResult;
import org.shipaudit.bench.SoakBench;
import org.shipaudit.bench.Target;
import org.shipaudit.bench.Timeline;
import org.shipaudit.bench.VertxHttpTransport;
import org.shipaudit.config.ConfigKey;
import org.shipaudit.config.ConfigLoader;
import org.shipaudit.rules.PackUpload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** bench soak: pre-ship audits at a share of saturation for a long time, with a deploy each minute. */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = "Run pre-ship audits at a share of the saturation rate for a long time, redeploying a shipped "
                + "pack each minute; print requests, errors, timeouts, p99, heap and RSS per minute.")
public final class BenchSoakCommand implements Callable<Integer> {

    @Option(names = "--duration", defaultValue = "30m", converter = DurationConverter.class,
            description = "how long to run, whole periods of --minute (default: ${DEFAULT-VALUE})")
    Duration duration;

    @Option(names = "--warmup", defaultValue = "2m", converter = DurationConverter.class,
            description = "unreported warm-up first, rising to the rate in four steps with one deploy in its middle "
                    + "(default: ${DEFAULT-VALUE})")
    Duration warmup;

    @Option(names = "--minute", defaultValue = "1m", converter = DurationConverter.class,
            description = "length of one reported period, with one deploy in its middle; shorter than a minute to "
                    + "crowd many deploys into a leak hunt (default: ${DEFAULT-VALUE})")
    Duration minute;

    @Option(names = "--rate", description = "audits per second; default: --fraction of the saturation")
    Double rate;

    @Option(names = "--saturation", description = "the saturation rate (audits/s) if known; measured when absent")
    Double saturation;

    @Option(names = "--fraction", defaultValue = "0.8", description = "share of the saturation (default: ${DEFAULT-VALUE})")
    double fraction;

    @Option(names = "--p99-limit-ms", defaultValue = "50", description = "p99 a saturation step must hold (default: ${DEFAULT-VALUE})")
    double p99LimitMs;

    @Option(names = "--pack", defaultValue = "weights", description = "shipped pack redeployed each minute (default: ${DEFAULT-VALUE})")
    String pack;

    @Option(names = "--timeout-ms", defaultValue = "10000", description = "request timeout (default: ${DEFAULT-VALUE})")
    long timeoutMs;

    // Open loop needs a connection for every request the server holds: with fewer, requests queue in the client's
    // pool whenever the server keeps more than that in flight (Little's law), and the latency measured is the
    // generator's own backlog, not the server's admission. 64 were fewer than 100 ms of queue at 675/s; 512 cost the
    // in-process generator so much CPU that the server refused more (940 against 26 a minute at 675/s, 2026-12-03).
    @Option(names = "--connections", defaultValue = "128",
            description = "keep-alive connections of the load generator (default: ${DEFAULT-VALUE})")
    int connections;

    @Option(names = "--rules-dir", defaultValue = "rules", paramLabel = "DIR", description = "the packs to serve (copied)")
    Path rulesDir;

    @Option(names = "--timeline", paramLabel = "FILE",
            description = "also write the run second by second (sent, 503s, slowest answer, GC, JIT and CPU time, "
                    + "whether a deploy ran) as tab-separated rows, and say how the 503s fell inside and outside deploys")
    Path timelineFile;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int minutes = (int) Math.max(1, duration.toMillis() / minute.toMillis());
        Path rules = BenchRules.copyOf(rulesDir, "soak");
        Path work = rules.getParent();
        Path drl = firstDrl(rules.resolve(pack));
        String drlPath = rules.resolve(pack).relativize(drl).toString().replace('\\', '/');
        byte[] original = Files.readAllBytes(drl);
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.HTTP_PORT, "0");
        flags.put(ConfigKey.HTTP_HOST, "127.0.0.1");
        flags.put(ConfigKey.DATA_DIR, work.resolve("data").toString());
        flags.put(ConfigKey.RULES_DIR, rules.toString());
        // The environment applies as it does to `serve` (SHIPAUDIT_AUDIT_MAX_QUEUED, ...); the flags above win.
        try (ServiceAssembly service = ServiceAssembly.start(ConfigLoader.load(null, System.getenv(), flags));
             VertxHttpTransport transport = new VertxHttpTransport("http://127.0.0.1:" + service.port(), connections, 1, null,
                     timeoutMs)) {
            PreshipBench.Settings settings = new PreshipBench.Settings(1, Duration.ZERO, Duration.ZERO, false, false,
                    p99LimitMs, 0, 0, 0, 0, Duration.ZERO, Duration.ZERO, 0, 1, 1000, 42, 0.05,
                    LocalDate.of(2026, 11, 20));
            Target audit = PreshipBench.auditTarget(settings);
            LoadRun load = new LoadRun(transport, CpuMeter.thisProcess(), true, Duration.ofMillis(timeoutMs));
            Timeline timeline = timelineFile == null ? null : new Timeline(1_000);
            Double sat = saturation;
            if (rate == null && sat == null) {
                out.printf("measuring saturation (p99 <= %.0f ms, 3 s warm-up + 10 s per step)%n", p99LimitMs);
                out.flush();
                MaxRateSearch search = new MaxRateSearch(p99LimitMs, 1.5, 2, 100_000);
                sat = search.search(200, r -> {
                    RunResult step = load.run(audit, r, Duration.ofSeconds(3), Duration.ofSeconds(10));
                    out.println("  " + ReportTable.brief(step) + (search.holds(step) ? "  ok" : "  FAIL: " + search.why(step)));
                    out.flush();
                    Thread.sleep(500);
                    return step;
                }).maxSustainablePerSecond();
            }
            double target = rate != null ? rate : fraction * sat;
            boolean belowSaturation = sat == null || target < sat;
            out.printf("soak: %d periods of %d s (after %d s of warm-up) at %.0f audits/s%s, redeploying %s (%s) mid-period; in-process, "
                    + "heap and RSS are the whole JVM%n", minutes, minute.toSeconds(), warmup.toSeconds(), target, sat == null ? "" : String.format(" (saturation %.0f/s)", sat),
                    pack, drlPath);
            out.printf("%4s %8s %7s %-24s %8s %8s %9s %8s %8s %8s %7s %7s  %s%n", "min", "requests", "per s",
                    "errors by status", "timeouts", "p99 ms", "max ms", "heap MB", "live MB", "meta MB", "classes",
                    "RSS MB", "deploy");
            out.flush();
            List<SoakBench.Minute> result = SoakBench.run(timeline == null ? load : load.withTimeline(timeline), audit,
                    target, warmup, minutes,
                    minute, n -> {
                byte[] changed = (new String(original, StandardCharsets.UTF_8) + "\n// soak deploy " + n + "\n")
                        .getBytes(StandardCharsets.UTF_8);
                return service.packs().deploy(pack, new PackUpload(Map.of(drlPath, changed), false, Set.of()),
                        "bench", n == 0 ? "soak warm-up" : "soak minute " + n, null).version();
            }, m -> {
                out.printf("%4d %8d %7.0f %-24s %8d %8.2f %9.2f %8d %8d %8d %7d %7d  %s%n", m.minute(), m.load().sent(),
                        m.load().achievedPerSecond(), m.load().errors().toString(), m.timeouts(), m.load().p99Ms(),
                        m.load().maxMs(), m.heapUsedMb(), m.liveHeapMb(), m.metaspaceMb(), m.classes(), m.rssMb(),
                        m.deployError() != null
                                ? "FAILED " + m.deployError() : String.format("v%s in %.2f s", m.deployVersion(),
                                m.deploySeconds()));
                out.flush();
            }, timeline);
            if (timeline != null) {
                timeline.close();
                timeline.write(timelineFile);
                Timeline.Summary t = timeline.summary();
                out.printf("timeline (%s): %d s with a deploy running: %d refused, %d answers over 100 ms; %d s without:"
                        + " %d refused, %d over 100 ms%n", timelineFile, t.stepsWithDeploy(), t.refusedWithDeploy(),
                        t.slowWithDeploy(), t.stepsWithout(), t.refusedWithout(), t.slowWithout());
            }
            boolean failed = result.stream().anyMatch(m -> m.deployError() != null || m.timeouts() > 0
                    || m.errorsBesidesRefusals() > 0 || belowSaturation && m.load().errorCount() > 0);
            out.println(failed ? "FAILED: errors, timeouts or failed deploys" + (belowSaturation ? " below saturation" : "")
                    : "OK: no error, no timeout, every deploy active");
            out.flush();
            return failed ? 1 : 0;
        }
    }

    private static Path firstDrl(Path pack) throws java.io.IOException {
        try (Stream<Path> files = Files.list(pack.resolve("drl"))) {
            return files.filter(p -> p.toString().endsWith(".drl")).sorted().findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("pack " + pack + " has no drl/*.drl to redeploy"));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("no pack " + pack.getFileName() + " with a drl/ folder in the rules");
        }
    }
}
