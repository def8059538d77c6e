package org.shipaudit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.shipaudit.reference.Coverage;
import org.shipaudit.reference.ImportSummary;
import org.shipaudit.reference.ReferenceImporter;
import org.shipaudit.reference.ReferenceIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shipaudit reference ...}: import official reference files into the index, and show what it holds. */
@Command(name = "reference", mixinStandardHelpOptions = true,
        description = "Manage the reference data index (tariffs, dangerous goods, postal codes, ISO codes).",
        subcommands = {ReferenceCommand.Import.class, ReferenceCommand.Stats.class})
public final class ReferenceCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Index directory under a data directory, as the service resolves it. */
    public static Path indexDir(Path dataDir) {
        return dataDir.resolve("reference-index");
    }

    /** {@code reference import DIR_OR_FILES...}. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import official reference files (recognised by content; directories are walked).",
                    "A source is replaced as a whole: re-importing a file changes nothing, a new edition replaces "
                            + "the old one. A running service picks the change up on its next refresh."})
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--data-dir", defaultValue = "./data", description = "Data directory; the index is "
                + "<data-dir>/reference-index (default: ${DEFAULT-VALUE}).")
        Path dataDir;

        @Parameters(arity = "1..*", paramLabel = "DIR_OR_FILE", description = "Reference files or directories.")
        List<Path> paths;

        @Option(names = "--quiet", description = "no progress line on stderr")
        boolean quiet;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            for (Path p : paths) {
                if (!java.nio.file.Files.exists(p)) {
                    spec.commandLine().getErr().println("No such file or directory: " + p);
                    spec.commandLine().getErr().flush();
                    return 2;
                }
            }
            long start = System.nanoTime();
            List<ImportSummary> summaries;
            try (ReferenceImporter importer = ReferenceImporter.open(indexDir(dataDir))) {
                summaries = withProgress(importer, () -> importer.importPaths(paths));
            }
            int failed = 0;
            for (ImportSummary s : summaries) {
                out.println(s.describe());
                if (!s.ok()) {
                    failed++;
                }
            }
            out.printf("%d file(s), %d failed, %.1f s, index %s%n", summaries.size(), failed,
                    (System.nanoTime() - start) / 1e9, indexDir(dataDir));
            out.flush();
            return failed == 0 ? 0 : 1;
        }

        /**
         * Runs the import while a daemon thread rewrites a progress line on stderr every half second: the importer
         * streams each file on this thread and has no natural place to call back. The summaries go to stdout.
         */
        private List<ImportSummary> withProgress(ReferenceImporter importer, Callable<List<ImportSummary>> work)
                throws Exception {
            ProgressLine line = new ProgressLine(spec.commandLine().getErr(), quiet, "rows");
            java.util.concurrent.ScheduledExecutorService ticker =
                    java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                        Thread t = new Thread(r, "reference-import-progress");
                        t.setDaemon(true);
                        return t;
                    });
            ticker.scheduleAtFixedRate(() -> {
                ReferenceImporter.Progress p = importer.progress();
                if (p != null) {
                    line.update(p.rowsRead(), -1, "file " + (p.filesDone() + 1) + " of " + p.filesTotal() + ", "
                            + p.file());
                }
            }, 500, 500, java.util.concurrent.TimeUnit.MILLISECONDS);
            try {
                List<ImportSummary> summaries = work.call();
                ticker.shutdownNow();
                line.finish(summaries.stream().mapToLong(ImportSummary::rowsRead).sum());
                return summaries;
            } finally {
                ticker.shutdownNow();
            }
        }
    }

    /** {@code reference stats}. */
    @Command(name = "stats", mixinStandardHelpOptions = true,
            description = "Show the loaded sources, their editions and document counts.")
    static final class Stats implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--data-dir", defaultValue = "./data", description = "Data directory (default: ${DEFAULT-VALUE}).")
        Path dataDir;

        @Option(names = "--all", description = "List every postal country instead of a total.")
        boolean all;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (ReferenceIndex index = ReferenceIndex.open(indexDir(dataDir))) {
                Coverage c = index.coverage();
                long postalRows = 0;
                int postalCountries = 0;
                out.printf("%-18s %-52s %12s  %s%n", "source", "edition", "documents", "imported");
                for (Coverage.Source s : c.sources()) {
                    if (!all && s.id().startsWith("postal:")) {
                        postalRows += s.rows();
                        postalCountries++;
                        continue;
                    }
                    out.printf("%-18s %-52s %,12d  %s%s%n", s.id(), s.edition(), s.rows(), s.importedAt(),
                            s.bundled() ? "  (bundled sample)" : "");
                }
                if (postalCountries > 0) {
                    out.printf("%-18s %-52s %,12d%n", "postal:*", postalCountries + " countries", postalRows);
                }
                if (c.sources().isEmpty()) {
                    out.println("(empty index)");
                }
                out.println(c.bundledOnly() ? "Only the bundled sample is loaded." : "");
            }
            out.flush();
            return 0;
        }
    }
}
