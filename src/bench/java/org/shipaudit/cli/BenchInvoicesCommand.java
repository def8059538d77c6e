package org.shipaudit.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.shipaudit.bench.BenchReport;
import org.shipaudit.bench.InvoiceBench;
import org.shipaudit.bench.InvoiceGenerator;
import org.shipaudit.bench.InvoiceReport;
import org.shipaudit.bench.ReportTable;
import org.shipaudit.json.Mappers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** bench invoices: bulk invoice audit throughput, peak heap, ratio to parse-and-write, planted errors found. */
@Command(name = "invoices", mixinStandardHelpOptions = true,
        description = "Generate an invoice with planted errors, audit it, report rows/s, peak heap and what was found.")
public final class BenchInvoicesCommand implements Callable<Integer> {

    @Option(names = "--lines", defaultValue = "200000", description = "charge lines to generate; package rows for fedex-billing (default: ${DEFAULT-VALUE})")
    long lines;

    @Option(names = "--format", defaultValue = "csv", description = "csv or xlsx (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--layout", defaultValue = "generic", paramLabel = "LAYOUT",
            description = "generic, ups-billing (UPS Billing Data, 250 columns, a row per charge) or fedex-billing "
                    + "(FedEx Billing Online, 210 columns, a row per package); the carrier layouts are CSV "
                    + "(default: ${DEFAULT-VALUE})")
    String layout;

    @Option(names = "--error-rate", defaultValue = "0.02", description = "share of packages with a planted error")
    double errorRate;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--rules-dir", defaultValue = "rules", paramLabel = "DIR")
    Path rulesDir;

    @Option(names = "--keep", description = "keep the work directory (generated invoice, report, database)")
    boolean keep;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the figures and goals as JSON")
    Path json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path work = Files.createTempDirectory("shipaudit-bench-invoices");
        try {
            return run(work);
        } finally {
            // A 1M-line run leaves hundreds of MB (invoice, report, database): gone unless asked for.
            if (!keep) {
                org.shipaudit.store.FileTrees.deleteTree(work);
            } else {
                spec.commandLine().getOut().println("kept: " + work);
            }
        }
    }

    private int run(Path work) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        InvoiceGenerator.Layout l = InvoiceGenerator.Layout.named(layout);
        if (l == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--layout: '" + layout
                    + "' is not a layout; use generic, ups-billing or fedex-billing");
        }
        if (l != InvoiceGenerator.Layout.GENERIC && !format.equalsIgnoreCase("csv")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--layout " + layout
                    + " is a CSV export; use --format csv (the default)");
        }
        Path file = work.resolve("invoice." + format.toLowerCase(Locale.ROOT));
        InvoiceGenerator generator = new InvoiceGenerator(seed, errorRate, l);
        long written = generator.write(file, lines);
        out.printf("generated %,d %s (%s layout, %,d bytes) with %,d planted errors: %s%n", written,
                l == InvoiceGenerator.Layout.FEDEX_BILLING ? "package rows" : "charge lines", l.cliName(),
                Files.size(file), generator.planted().size(), file);
        out.flush();
        String startedAt = java.time.Instant.now().toString();
        double loadAtStart = BenchReport.Machine.loadAverage();
        InvoiceBench.Result r = InvoiceBench.run(rulesDir, file, generator.planted(), work);
        InvoiceReport report = InvoiceReport.of(startedAt, BenchReport.Machine.describe(loadAtStart), l.cliName(),
                format.toLowerCase(Locale.ROOT), Files.size(file), r);
        ReportTable.print(report, out);
        if (json != null) {
            Mappers.json().writerWithDefaultPrettyPrinter().writeValue(json.toFile(), report);
            out.println("figures written to " + json);
            out.flush();
        }
        return report.planted().ok() ? 0 : 1;
    }
}
