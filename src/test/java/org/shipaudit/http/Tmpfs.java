package org.shipaudit.http;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs mounted for one test: a real disk that fills up or turns read-only. Mounting needs Linux, root and
 * the right to mount (a CI container may have neither): without them the test is skipped, saying so.
 */
final class Tmpfs implements AutoCloseable {

    final Path dir;

    private Tmpfs(Path dir) {
        this.dir = dir;
    }

    /** Mounts a tmpfs of {@code size} (as mount(8) says it: "48m") at {@code dir}, created if needed. */
    static Tmpfs mount(Path dir, String size) throws IOException, InterruptedException {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "tmpfs mounts are a Linux thing");
        Files.createDirectories(dir);
        String said = run("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0700", "tmpfs", dir.toString());
        assumeTrue(said == null, "cannot mount a tmpfs here (needs root and mount rights): " + said);
        return new Tmpfs(dir);
    }

    /** Makes the file system read-only, as a disk remounted after errors is; no file may be open on it. */
    void remountReadOnly() throws IOException, InterruptedException {
        String said = run("mount", "-o", "remount,ro", dir.toString());
        if (said != null) {
            throw new IllegalStateException("cannot remount " + dir + " read-only: " + said);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("umount", "-l", dir.toString());
    }

    /** Null when the command succeeded, else what it said. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes()).trim();
        boolean ok = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        return ok ? null : said.isEmpty() ? "exit " + p.exitValue() : said;
    }
}
