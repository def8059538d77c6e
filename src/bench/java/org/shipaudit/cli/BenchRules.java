package org.shipaudit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The packs a benchmark serves, copied into its own temporary directory: {@code bench reload} adds a generated pack
 * and {@code bench soak} redeploys one, and neither may touch the user's {@code --rules-dir}.
 */
final class BenchRules {

    private BenchRules() {
    }

    /** A fresh {@code <tmp>/shipaudit-bench-NAME.../rules} holding a copy of every file under {@code from}. */
    static Path copyOf(Path from, String name) throws IOException {
        Path to = Files.createTempDirectory("shipaudit-bench-" + name).resolve("rules");
        try (var walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return to;
    }
}
