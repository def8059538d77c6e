package org.shipaudit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.shipaudit.rules.PackUpload;
import org.shipaudit.rules.RulePackService;

/**
 * The rule-reload benchmark: a pack of N rules (each with a firing and a silent scenario, as the deploy gate demands)
 * is deployed again and again while audits run at a fixed rate, and the deploy time and the audit latency during the
 * swaps are compared with the steady state.
 */
public final class ReloadBench {

    /** What one run measured. */
    public record Result(RunResult steady, RunResult duringDeploys, List<Double> deploySeconds) {
    }

    private ReloadBench() {
    }

    /** Writes a pack of {@code rules} rules, each with a firing and a silent scenario, into {@code dir}. */
    public static void writePack(Path dir, int rules) throws IOException {
        Files.createDirectories(dir.resolve("drl"));
        Files.createDirectories(dir.resolve("scenarios"));
        Files.writeString(dir.resolve("pack.yaml"), "name: " + dir.getFileName() + "\nversion: \"1\"\n");
        Files.writeString(dir.resolve("drl/thresholds.drl"), drl(rules, ""));
        for (int i = 1; i <= rules; i++) {
            String id = String.format("BIG-%03d", i);
            for (boolean fires : new boolean[] {true, false}) {
                Files.writeString(dir.resolve("scenarios/" + id + "-x." + (fires ? "fires" : "silent") + ".yaml"),
                        "description: x\ngiven:\n  shipment:\n    id: S\n    shipDate: \"2026-11-20\"\n    carrier: UPS\n"
                                + "    service: GROUND\n    shipFrom: {country: US}\n    shipTo: {country: US}\n"
                                + "    packages:\n      - {id: P1, weight: {value: " + (fires ? i * 1000 + 0.5 : i * 1000 - 0.5)
                                + ", unit: LB}}\n" + (fires ? "expect:\n  - {rule: " + id + "}\n" : "silent: [" + id + "]\n"));
            }
        }
    }

    /** The pack's rules: rule i notes packages over i thousand pounds (never a real parcel, so audits stay quiet). */
    static String drl(int rules, String wording) {
        StringBuilder drl = new StringBuilder("package org.shipaudit.rules.big;\nimport org.shipaudit.model.Parcel;\n"
                + "import org.shipaudit.findings.Severity;\nimport org.shipaudit.findings.Category;\n"
                + "import org.shipaudit.rules.Findings;\n");
        for (int i = 1; i <= rules; i++) {
            String id = String.format("BIG-%03d", i);
            drl.append("// Source: benchmark\nrule \"").append(id).append(" Package over ").append(i)
                    .append(" thousand lb\"\nwhen\n  $p : Parcel( weightUsable, weightLb > ").append(i * 1000)
                    .append(" )\nthen\n  Findings.raise(drools, Severity.INFO, Category.WEIGHT, $p.getSubject(), \"over ")
                    .append(i).append(wording).append("\").insert();\nend\n");
        }
        return drl.toString();
    }

    /**
     * Measures the steady state, then deploys {@code deploys} new versions of the pack while the same load runs.
     *
     * @param deploy deploys a candidate and returns when the new version answers audits
     */
    public static Result run(LoadRun load, Target audit, double rate, Duration warmup, Duration steadyFor,
                             RulePackService service, String pack, int rules, int deploys) throws Exception {
        RunResult steady = load.run(audit, rate, warmup, steadyFor);
        List<Double> seconds = new ArrayList<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread deployer = new Thread(() -> {
            try {
                Thread.sleep(500);
                for (int d = 1; d <= deploys; d++) {
                    PackUpload upload = new PackUpload(Map.of("drl/thresholds.drl",
                            drl(rules, " (v" + d + ")").getBytes(java.nio.charset.StandardCharsets.UTF_8)), false, Set.of());
                    long t0 = System.nanoTime();
                    String version = service.deploy(pack, upload, "bench", "reload benchmark " + d, null).version();
                    // The swap is the last step of deploy(): from here every new audit uses the new version.
                    if (!service.registry().snapshot().get(pack).version().equals(version)) {
                        throw new IllegalStateException("version " + version + " is not active after its deploy");
                    }
                    seconds.add((System.nanoTime() - t0) / 1e9);
                    Thread.sleep(300);
                }
            } catch (Exception e) {
                failure.set(e);
            }
        }, "bench-deployer");
        deployer.start();
        // Long enough to cover the deploys (about a second each on 2 cores, plus pauses).
        RunResult during = load.run(audit, rate, Duration.ZERO, Duration.ofMillis(800L + deploys * 1_800L));
        deployer.join();
        if (failure.get() != null) {
            throw failure.get();
        }
        return new Result(steady, during, seconds);
    }
}
