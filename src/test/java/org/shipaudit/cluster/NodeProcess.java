package org.shipaudit.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One ShipAudit node in a JVM of its own ({@code serve} on the test class path), on a free loopback port, with its own
 * data directory and copy of the rules; killed with SIGKILL by {@link #kill}, as a crashed machine would be.
 */
final class NodeProcess implements AutoCloseable {

    final String id;
    final int port;
    final Path dir;
    private final Process process;

    private NodeProcess(String id, int port, Path dir, Process process) {
        this.id = id;
        this.port = port;
        this.dir = dir;
        this.process = process;
    }

    /**
     * Starts a node; {@code databaseUrl} null gives it the embedded database (a single-node run).
     *
     * @param env more SHIPAUDIT_* settings
     */
    static NodeProcess start(String id, Path root, String databaseUrl, Map<String, String> env) throws IOException {
        Path dir = Files.createDirectories(root.resolve(id));
        Path rules = dir.resolve("rules");
        copyTree(Path.of("rules"), rules);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:+UseSerialGC", "-cp", classPath(), "org.shipaudit.Main",
                "serve", "--port", Integer.toString(port), "--data-dir", dir.resolve("data").toString(),
                "--rules-dir", rules.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("node.log").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("SHIPAUDIT_"));
        pb.environment().put("SHIPAUDIT_NODE_ID", id);
        pb.environment().put("SHIPAUDIT_REFERENCE_BUNDLED_DIR", Path.of("reference-data").toAbsolutePath().toString());
        if (databaseUrl != null) {
            pb.environment().put("SHIPAUDIT_DATABASE_URL", databaseUrl);
            pb.environment().put("SHIPAUDIT_DATABASE_POOL_SIZE", "8");
        }
        pb.environment().putAll(env);
        return new NodeProcess(id, port, dir, pb.start());
    }

    /** The test class path: surefire's own property, since its forked JVM may run from a manifest-only jar. */
    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** Waits until /health answers 200, failing with the end of the node's log if it exits or takes too long. */
    void awaitUp(Duration timeout) throws Exception {
        String notUp = org.shipaudit.bench.NodeHealth.awaitUp(process, URI.create(url("/health")), timeout);
        if (notUp != null) {
            throw new AssertionError("node " + id + " " + notUp + ":\n" + logTail());
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("node.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook runs, no lease is released, nothing is flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
