package org.shipaudit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.shipaudit.jobs.JobStatus;
import org.shipaudit.jobs.JobStore;
import org.shipaudit.store.Database;
import org.shipaudit.store.Schemas;

/**
 * The cluster benchmark: starts N service JVMs on this machine against one PostgreSQL (a schema of their own per
 * run, so that runs do not see each other's billed-charge history), submits one invoice to the first node and times
 * it from the 202 until it is DONE; reads from the database which node ended each chunk; and, when asked, kills
 * (SIGKILL) the node running a chunk and times until another node holds that chunk.
 */
public final class ClusterBench {

    /**
     * What to run.
     *
     * @param chunkRows  {@code jobs.chunk-rows} of every node
     * @param nodeHeap   {@code -Xmx} of each node JVM
     */
    public record Options(String databaseUrl, String user, String password, Path rulesDir, Path referenceDir,
                          long chunkRows, int leaseSeconds, String nodeHeap, Path work) {
    }

    /**
     * One run's figures.
     *
     * @param seconds     from the upload's 202 until the job read DONE (polled every 200 ms)
     * @param chunksByNode how many chunks each node ended (empty when the job was not split)
     * @param takeoverMs   from the SIGKILL until another node held the killed node's chunk; null without a kill
     * @param tableBytes   what the run left in the database, per table (indexes included), largest first
     */
    public record Run(int nodes, long rows, double seconds, long findings, String disputable,
                      Map<String, Long> chunksByNode, String killed, Long takeoverMs, Map<String, Long> tableBytes) {

        public double rowsPerSecond() {
            return rows / seconds;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOUNDARY = "----shipaudit-bench-cluster";
    private final Options options;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Consumer<String> log;

    public ClusterBench(Options options, Consumer<String> log) {
        this.options = options;
        this.log = log;
    }

    /** Runs {@code invoice} on {@code nodes} fresh nodes; with {@code kill}, SIGKILLs a node mid-chunk. */
    public Run run(int nodes, Path invoice, boolean kill) throws Exception {
        String schema = "bench_cluster_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 1_000_000;
        String url = Schemas.create(options.databaseUrl(), options.user(), options.password(), schema);
        List<Node> started = new ArrayList<>();
        try {
            for (int i = 1; i <= nodes; i++) {
                started.add(start("bench-" + i, url, schema));
                if (i == 1) {
                    // the first migrates the schema and publishes the packs; the others then adopt them
                    started.get(0).awaitUp(Duration.ofMinutes(10));
                }
            }
            for (Node n : started) {
                n.awaitUp(Duration.ofMinutes(10));
            }
            log.accept(nodes + " node(s) up");
            long t0 = System.nanoTime();
            String id = submit(started.get(0), invoice);
            String killed = null;
            Long takeover = null;
            try (Database db = Database.connect(url, options.user(), options.password(), 2)) {
                JobStore store = new JobStore(db);
                if (kill) {
                    long[] ms = new long[1];
                    killed = killMidChunk(store, id, started, ms);
                    takeover = killed == null ? null : ms[0];
                }
                Node reader = started.stream().filter(Node::alive).findFirst().orElseThrow();
                JsonNode done = awaitDone(reader, id, store);
                double seconds = (System.nanoTime() - t0) / 1e9;
                if (!"DONE".equals(done.path("status").asText())) {
                    throw new IllegalStateException("job " + id + " ended " + done);
                }
                Map<String, Long> balance = new TreeMap<>();
                for (JobStore.ChunkState c : store.chunks(id)) {
                    balance.merge(String.valueOf(c.node()), 1L, Long::sum);
                }
                return new Run(nodes, done.path("rowsDone").asLong(), seconds, done.path("findings").asLong(),
                        done.at("/disputableAmount/amount").asText(), balance, killed, takeover,
                        Schemas.tableSizes(options.databaseUrl(), options.user(), options.password(), schema));
            }
        } finally {
            for (Node n : started) {
                n.stop();
            }
            Schemas.drop(options.databaseUrl(), options.user(), options.password(), schema);
        }
    }

    /** Waits for a chunk with rows done, kills its node, and times until another node holds the chunk. */
    private String killMidChunk(JobStore store, String id, List<Node> nodes, long[] takeoverMs) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (JobStore.ChunkState c : store.chunks(id)) {
                if (c.status() == JobStatus.RUNNING && c.rowsDone() > 0 && c.node() != null) {
                    Node victim = nodes.stream().filter(n -> n.id.equals(c.node())).findFirst().orElseThrow();
                    victim.process.destroyForcibly().waitFor();
                    long killedAt = System.nanoTime();
                    log.accept("killed " + victim.id + " in " + c.id() + " at " + c.rowsDone() + " rows done");
                    while (System.nanoTime() - killedAt < Duration.ofMinutes(2).toNanos()) {
                        JobStore.ChunkState now = store.chunks(id).get(c.index());
                        if (now.node() != null && !now.node().equals(victim.id)) {
                            takeoverMs[0] = (System.nanoTime() - killedAt) / 1_000_000;
                            return victim.id;
                        }
                        Thread.sleep(20);
                    }
                    throw new IllegalStateException("no node took " + c.id() + " over within 2 minutes");
                }
            }
            if (store.get(id).map(j -> j.status() != JobStatus.RUNNING && j.status() != JobStatus.QUEUED)
                    .orElse(false)) {
                return null; // ended before a chunk could be caught running
            }
            Thread.sleep(50);
        }
        return null;
    }

    private JsonNode awaitDone(Node n, String id, JobStore store) throws Exception {
        long lastLog = System.nanoTime();
        while (true) {
            JsonNode job = get(n, "/v1/jobs/" + id);
            String s = job.path("status").asText();
            if (s.equals("DONE") || s.equals("FAILED")) {
                return job;
            }
            if (System.nanoTime() - lastLog > Duration.ofSeconds(30).toNanos()) {
                lastLog = System.nanoTime();
                long running = store.chunks(id).stream().filter(c -> c.status() == JobStatus.RUNNING).count();
                log.accept(String.format("  %s: %,d of %s rows, %d chunk(s) running", s, job.path("rowsDone").asLong(),
                        job.path("rowsTotal").asText("?"), running));
            }
            Thread.sleep(200);
        }
    }

    private String submit(Node n, Path invoice) throws Exception {
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\ninvoices\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"profile\"\r\n\r\ngeneric\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + invoice.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(n.url("/v1/jobs")))
                .timeout(Duration.ofMinutes(10))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofFile(invoice), HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            throw new IllegalStateException("upload to " + n.id + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body()).path("id").asText();
    }

    private JsonNode get(Node n, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(n.url(path)))
                .timeout(Duration.ofMinutes(1)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " on " + n.id + " answered " + r.statusCode() + ": "
                    + r.body());
        }
        return JSON.readTree(r.body());
    }

    private Node start(String id, String url, String schema) throws IOException {
        Path dir = Files.createDirectories(options.work().resolve(schema).resolve(id));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + options.nodeHeap(), "-cp", System.getProperty("java.class.path"), "org.shipaudit.Main",
                "serve", "--port", Integer.toString(port), "--data-dir", dir.resolve("data").toString(),
                "--rules-dir", options.rulesDir().toAbsolutePath().toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("node.log").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("SHIPAUDIT_"));
        Map<String, String> env = pb.environment();
        env.put("SHIPAUDIT_NODE_ID", id);
        env.put("SHIPAUDIT_DATABASE_URL", url);
        env.put("SHIPAUDIT_DATABASE_USER", options.user() == null ? "" : options.user());
        env.put("SHIPAUDIT_DATABASE_PASSWORD", options.password() == null ? "" : options.password());
        env.put("SHIPAUDIT_DATABASE_POOL_SIZE", "8");
        env.put("SHIPAUDIT_JOBS_CHUNK_ROWS", Long.toString(options.chunkRows()));
        env.put("SHIPAUDIT_JOBS_LEASE_SECONDS", Integer.toString(options.leaseSeconds()));
        if (options.referenceDir() != null) {
            env.put("SHIPAUDIT_REFERENCE_BUNDLED_DIR", options.referenceDir().toAbsolutePath().toString());
        }
        return new Node(id, port, dir, pb.start());
    }

    /** A node JVM this benchmark started. */
    private final class Node {
        final String id;
        final int port;
        final Path dir;
        final Process process;

        Node(String id, int port, Path dir, Process process) {
            this.id = id;
            this.port = port;
            this.dir = dir;
            this.process = process;
        }

        String url(String path) {
            return "http://127.0.0.1:" + port + path;
        }

        boolean alive() {
            return process.isAlive();
        }

        void awaitUp(Duration timeout) throws Exception {
            String notUp = NodeHealth.awaitUp(process, URI.create(url("/health")), timeout);
            if (notUp != null) {
                throw new IllegalStateException("node " + id + " " + notUp + "; see " + dir.resolve("node.log"));
            }
        }

        /** SIGTERM, then SIGKILL after 15 s. */
        void stop() throws InterruptedException {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
        }
    }
}
