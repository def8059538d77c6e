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

    /** Removes a pack's directory (undoing the first deploy of a pack), the same way: renamed aside, then deleted. */
    static void remove(Path rulesDir, String pack) {
        Path target = rulesDir.resolve(pack);
        Path old = rulesDir.resolve("." + pack + ".old");
        try {
            FileTrees.deleteTree(old);
            if (Files.exists(target)) {
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            FileTrees.deleteTree(old);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove pack " + pack + " from " + rulesDir, e);
        }
    }

    /**
     * Cleans what a crash during {@link #write} leaves: a {@code .<pack>.next} tree is deleted; a {@code .<pack>.old}
     * tree is put back when the crash came between the two renames (the pack itself missing), else deleted.
     */
    static void removeLeftovers(Path rulesDir) {
        if (!Files.isDirectory(rulesDir)) {
            return;
        }
        try (java.util.stream.Stream<Path> list = Files.list(rulesDir)) {
            for (Path p : (Iterable<Path>) list::iterator) {
                String n = p.getFileName().toString();
                if (n.startsWith(".") && n.endsWith(".old") && n.length() > 5) {
                    Path target = rulesDir.resolve(n.substring(1, n.length() - 4));
                    if (!Files.exists(target)) {
                        Files.move(p, target, StandardCopyOption.ATOMIC_MOVE);
                        continue;
                    }
                    FileTrees.deleteTree(p);
                } else if (n.startsWith(".") && n.endsWith(".next") && n.length() > 6) {
                    FileTrees.deleteTree(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean interrupted writes in " + rulesDir, e);
        }
    }
}
