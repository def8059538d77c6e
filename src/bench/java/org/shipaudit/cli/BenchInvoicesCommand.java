package org.shipaudit.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.shipaudit.bench.InvoiceBench;
import org.shipaudit.bench.InvoiceGenerator;
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
        InvoiceBench.Result r = InvoiceBench.run(rulesDir, file, generator.planted(), work);
        out.printf("%-34s %12s %10s %10s %14s%n", "pass", "rows/s", "seconds", "cpu s", "peak heap MB");
        out.printf("%-34s %,12.0f %10.2f %10.2f %,14d%n", "parse and write (baseline)", r.baselineRowsPerSecond(),
                r.baselineSeconds(), r.baselineCpuSeconds(), r.baselinePeakHeap() >> 20);
        out.printf("%-34s %,12.0f %10.2f %10.2f %,14d%n", "audit" + (format.equals("xlsx") ? " + annotated workbook" : " + findings CSV"),
                r.auditRowsPerSecond(), r.auditSeconds(), r.auditCpuSeconds(), r.auditPeakHeap() >> 20);
        out.printf("audit costs %.1fx the parse-and-write pass%n", r.auditSeconds() / r.baselineSeconds());
        out.printf("planted errors found: %d of %d; findings on clean lines: %d%n", r.found(), r.planted(),
                r.unexpected());
        if (r.firstMiss() != null) {
            out.println("first missed: " + r.firstMiss());
        }
        if (r.firstUnexpected() != null) {
            out.println("first unexpected: " + r.firstUnexpected());
        }
        out.flush();
        return r.found() == r.planted() && r.unexpected() == 0 ? 0 : 1;
    }
}
