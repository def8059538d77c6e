package org.shipaudit.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.shipaudit.store.FileTrees;

/**
 * Writes a deployed version into the rules directory so the directory and the version store agree after a restart.
 * The new tree is written beside the old under a dot-name and swapped in by renames, so a reader (or a crash) sees
 * the old pack or the new one, never a mix.
 */
final class PackDirectory {

    private PackDirectory() {
    }

    static void write(Path rulesDir, String pack, Map<String, byte[]> files) {
        Path target = rulesDir.resolve(pack);
        Path next = rulesDir.resolve("." + pack + ".next");
        Path old = rulesDir.resolve("." + pack + ".old");
        try {
            FileTrees.deleteTree(next);
            FileTrees.deleteTree(old);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path p = next.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.write(p, f.getValue());
            }
            if (Files.exists(target)) {
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(next, target, StandardCopyOption.ATOMIC_MOVE);
            FileTrees.deleteTree(old);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write pack " + pack + " into " + rulesDir, e);
        }
    }
}
