package org.shipaudit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.shipaudit.bench.ScreeningBench;
import org.shipaudit.reference.ReferenceIndex;
import org.shipaudit.reference.screening.ScreeningThresholds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code shipaudit bench screening}: recall and false-positive rate of restricted-party matching per threshold, and
 * the latency per party, on the lists imported into the index.
 */
@Command(name = "screening", mixinStandardHelpOptions = true,
        description = "Benchmark restricted-party matching: recall, false positives, latency per party.")
public final class BenchScreeningCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", defaultValue = "./data", description = "Data directory (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--names", defaultValue = "3000", description = "Listed names to vary (default: ${DEFAULT-VALUE}).")
    int names;

    @Option(names = "--negatives", defaultValue = "20000", description = "Ordinary names (default: ${DEFAULT-VALUE}).")
    int negatives;

    @Option(names = "--seed", defaultValue = "16", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--strong", defaultValue = "0.92", description = "screening.strong to mark (default: ${DEFAULT-VALUE}).")
    double strong;

    @Option(names = "--possible", defaultValue = "0.85", description = "screening.possible to mark (default: ${DEFAULT-VALUE}).")
    double possible;

    @Option(names = "--details", description = "Also write every missed variant and every ordinary name with a hit, "
            + "tab-separated, to this file.")
    Path details;

    @Option(names = "--false-positives", description = "Also print the ordinary names flagged at --possible, "
            + "grouped by why they matched (a title dropped, a lone initial, common tokens only, ...).")
    boolean falsePositives;

    @Option(names = "--with-countries", description = "Give each party a country and city (a listed name's own, an "
            + "ordinary name's drawn by its origin; sometimes none) so the country and city corroboration is measured.")
    boolean withCountries;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (ReferenceIndex index = ReferenceIndex.open(ReferenceCommand.indexDir(dataDir));
             PrintWriter detail = details == null ? null : new PrintWriter(java.nio.file.Files.newBufferedWriter(details))) {
            if (ScreeningBench.run(index, out, names, negatives, seed, new ScreeningThresholds(strong, possible),
                    detail, falsePositives, withCountries) == null) {
                out.println("No restricted-party list is loaded: import the OFAC, UN or BIS files first.");
                out.flush();
                return 1;
            }
        }
        return 0;
    }
}
