package org.shipaudit.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.shipaudit.bench.ShipmentGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmark harness: {@code bench preship} drives a service with realistic shipments, {@code bench invoices}
 * audits generated invoices with planted errors, {@code bench reference} times index look-ups and searches,
 * {@code bench reload} deploys rule packs under load, {@code bench cluster} audits one invoice on 1 and N nodes,
 * {@code bench rules} times the pre-ship rule packs alone per audit and per pack,
 * {@code bench generate} writes shipments to a file.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: drive the service with realistic load and report latency and throughput.",
        subcommands = {BenchPreshipCommand.class, BenchInvoicesCommand.class, BenchReferenceCommand.class,
                BenchReloadCommand.class, BenchSoakCommand.class, BenchClassifyCommand.class,
                BenchScreeningCommand.class, BenchClusterCommand.class, BenchRulesCommand.class, BenchTrailCommand.class,
                BenchCommand.Generate.class})
public final class BenchCommand implements Runnable {

    @Override
    public void run() {
        picocli.CommandLine.usage(this, System.out);
    }

    /** bench generate: the benchmark's shipments as JSON lines, for {@code audit FILE}, curl and demos. */
    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Write generated shipments as JSON lines (one Shipment per line).")
    static final class Generate implements Callable<Integer> {

        @Option(names = {"-n", "--count"}, defaultValue = "1000", description = "how many shipments (default: 1000)")
        int count;

        @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "a .jsonl file (default: standard output)")
        Path out;

        @Option(names = "--seed", defaultValue = "42", description = "random seed; the same seed gives the same file")
        long seed;

        @Option(names = "--mistake-rate", defaultValue = "0.05",
                description = "share of shipments with a planted data mistake, 0 to 1 (default: 0.05)")
        double mistakeRate;

        @Option(names = "--ship-date", defaultValue = "2026-11-20", description = "ship date of every shipment")
        LocalDate shipDate;

        @Override
        public Integer call() throws IOException {
            ShipmentGenerator generator = new ShipmentGenerator(seed, mistakeRate, shipDate);
            try (OutputStream os = new BufferedOutputStream(out == null ? System.out : Files.newOutputStream(out))) {
                for (int i = 0; i < count; i++) {
                    os.write(generator.nextJson());
                    os.write('\n');
                }
            }
            if (out != null) {
                System.err.println(count + " shipments written to " + out);
            }
            return 0;
        }
    }
}
