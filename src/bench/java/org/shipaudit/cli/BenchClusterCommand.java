package org.shipaudit.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.shipaudit.bench.ClusterBench;
import org.shipaudit.bench.InvoiceGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** bench cluster: one generated invoice on 1 node, then on N nodes, against one PostgreSQL; chunk balance, takeover. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Start 1, then N service JVMs on this machine against one PostgreSQL, audit one generated "
                + "invoice on each set, and report rows/s, the chunks each node ended and (--kill) the takeover time "
                + "after a SIGKILL mid-chunk.")
public final class BenchClusterCommand implements Callable<Integer> {

    @Option(names = "--database-url", required = true, paramLabel = "JDBC",
            description = "a PostgreSQL the nodes share, e.g. jdbc:postgresql://127.0.0.1:5432/shipaudit; each run "
                    + "gets a schema of its own, dropped after it (the role must be allowed to create schemas)")
    String databaseUrl;

    @Option(names = "--database-user", defaultValue = "", description = "role (default: the URL's)")
    String user;

    @Option(names = "--database-password", defaultValue = "${env:SHIPAUDIT_DATABASE_PASSWORD}",
            description = "password (default: $SHIPAUDIT_DATABASE_PASSWORD, else the URL's)")
    String password;

    @Option(names = "--nodes", defaultValue = "3", description = "nodes of the second run (default: ${DEFAULT-VALUE})")
    int nodes;

    @Option(names = "--lines", defaultValue = "200000", description = "charge lines to generate (default: ${DEFAULT-VALUE})")
    long lines;

    @Option(names = "--chunk-rows", defaultValue = "20000",
            description = "jobs.chunk-rows of every node, in both runs (default: ${DEFAULT-VALUE})")
    long chunkRows;

    @Option(names = "--lease-seconds", defaultValue = "5",
            description = "jobs.lease-seconds of every node: the takeover time after a kill (default: ${DEFAULT-VALUE})")
    int leaseSeconds;

    @Option(names = "--kill", description = "a third run on N nodes that SIGKILLs the node of a running chunk")
    boolean kill;

    @Option(names = "--node-heap", defaultValue = "1g", description = "-Xmx of each node (default: ${DEFAULT-VALUE})")
    String nodeHeap;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--rules-dir", defaultValue = "rules", paramLabel = "DIR")
    Path rulesDir;

    @Option(names = "--reference-dir", defaultValue = "reference-data", paramLabel = "DIR",
            description = "reference.bundled-dir of the nodes (default: ${DEFAULT-VALUE})")
    Path referenceDir;

    @Option(names = "--keep", description = "keep the work directory (invoice, node logs and data directories)")
    boolean keep;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (nodes < 2) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--nodes: at least 2, got " + nodes);
        }
        Path work = Files.createTempDirectory("shipaudit-bench-cluster");
        try {
            return run(work);
        } finally {
            if (!keep) {
                org.shipaudit.store.FileTrees.deleteTree(work);
            } else {
                spec.commandLine().getOut().println("kept: " + work);
            }
        }
    }

    private int run(Path work) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path file = work.resolve("invoice.csv");
        InvoiceGenerator generator = new InvoiceGenerator(seed, 0.02, InvoiceGenerator.Layout.GENERIC);
        long written = generator.write(file, lines);
        out.printf("generated %,d charge lines (%,d bytes); chunks of %,d rows; %s per node; %d cores here%n",
                written, Files.size(file), chunkRows, nodeHeap, Runtime.getRuntime().availableProcessors());
        out.flush();
        ClusterBench bench = new ClusterBench(new ClusterBench.Options(databaseUrl, user, password, rulesDir,
                Files.isDirectory(referenceDir) ? referenceDir : null, chunkRows, leaseSeconds, nodeHeap, work),
                line -> {
                    out.println(line);
                    out.flush();
                });
        List<ClusterBench.Run> runs = new ArrayList<>();
        runs.add(bench.run(1, file, false));
        runs.add(bench.run(nodes, file, false));
        if (kill) {
            runs.add(bench.run(nodes, file, true));
        }
        out.printf("%-6s %10s %10s %10s %10s %14s  %s%n", "nodes", "rows", "seconds", "rows/s", "findings",
                "disputable", "chunks ended by node");
        for (ClusterBench.Run r : runs) {
            out.printf("%-6s %,10d %10.1f %,10.0f %,10d %14s  %s%s%n", r.nodes() + (r.killed() != null ? "*" : ""),
                    r.rows(), r.seconds(), r.rowsPerSecond(), r.findings(), r.disputable(), r.chunksByNode(),
                    r.killed() != null ? "  (* " + r.killed() + " killed; chunk taken over after " + r.takeoverMs()
                            + " ms)" : "");
        }
        out.printf("%d nodes ran at %.2fx the rows/s of one%n", nodes, runs.get(1).rowsPerSecond()
                / runs.get(0).rowsPerSecond());
        Map<String, Long> bytes = runs.get(0).tableBytes();
        long total = bytes.values().stream().mapToLong(Long::longValue).sum();
        out.printf("database after one run: %,d KB (%.0f bytes per row); largest tables: %s%n", total >> 10,
                (double) total / runs.get(0).rows(), bytes.entrySet().stream().limit(4)
                        .map(e -> e.getKey() + " " + (e.getValue() >> 10) + " KB").toList());
        boolean same = runs.stream().allMatch(r -> r.findings() == runs.get(0).findings()
                && r.disputable().equals(runs.get(0).disputable()) && r.rows() == runs.get(0).rows());
        out.println(same ? "every run: the same rows, findings and disputable total"
                : "RUNS DIFFER in rows, findings or disputable total");
        out.flush();
        return same ? 0 : 1;
    }
}
