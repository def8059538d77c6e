package org.shipaudit.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.shipaudit.json.Mappers;

/**
 * Rule-pack versions on disk: {@code <root>/<pack>/versions/<version>/...} holds the exact files of each version (so
 * any finding can be traced to the rule text that produced it) and {@code <root>/<pack>/history.jsonl} the
 * activations, appended and forced to disk before a deploy is acknowledged. A version directory is written under a
 * temporary name and renamed, so a crash never leaves half a version. A change in progress is announced first in
 * {@code <root>/<pack>/pending.json} (write-ahead), so a start after a crash knows which change to finish or undo.
 */
public final class PackVersionStore {

    private final Path root;
    private final ObjectMapper json = Mappers.json();

    public PackVersionStore(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create rule-pack store " + root, e);
        }
    }

    public synchronized List<PackVersion> history(String pack) {
        Path file = root.resolve(pack).resolve("history.jsonl");
        if (!Files.exists(file)) {
            return List.of();
        }
        List<PackVersion> records = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    records.add(json.readValue(line, PackVersion.class));
                }
            }
        } catch (IOException e) {
            // A torn last line (crash mid-append) is the only expected damage: keep what was read before it.
            if (records.isEmpty()) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return List.copyOf(records);
    }

    public Optional<PackVersion> active(String pack) {
        List<PackVersion> h = history(pack);
        return h.isEmpty() ? Optional.empty() : Optional.of(h.get(h.size() - 1));
    }

    public synchronized boolean hasVersion(String pack, String version) {
        return Files.isDirectory(versionDir(pack, version));
    }

    /** The next free version number: one more than the highest numeric version stored. */
    public synchronized String nextVersion(String pack) {
        long max = 0;
        Path dir = root.resolve(pack).resolve("versions");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> list = Files.list(dir)) {
                for (Path p : (Iterable<Path>) list::iterator) {
                    try {
                        max = Math.max(max, Long.parseLong(p.getFileName().toString()));
                    } catch (NumberFormatException notNumeric) {
                        // temporary or foreign entries do not count
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Long.toString(max + 1);
    }

    /** Stores the files of a version (idempotent: an existing version is left as it is). */
    public synchronized void saveFiles(String pack, String version, Map<String, byte[]> files) {
        Path target = versionDir(pack, version);
        if (Files.isDirectory(target)) {
            return;
        }
        Path tmp = target.resolveSibling("." + version + ".tmp");
        try {
            FileTrees.deleteTree(tmp);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path p = tmp.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.write(p, f.getValue());
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store version " + version + " of pack " + pack, e);
        }
    }

    public synchronized Map<String, byte[]> files(String pack, String version) {
        Path dir = versionDir(pack, version);
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read version " + version + " of pack " + pack, e);
        }
        return files;
    }

    /** Appends an activation and forces it to disk before returning. */
    public synchronized void append(PackVersion record) {
        Path file = root.resolve(record.pack()).resolve("history.jsonl");
        try {
            Files.createDirectories(file.getParent());
            byte[] line = (json.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ch.write(java.nio.ByteBuffer.wrap(line));
                ch.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record history of pack " + record.pack(), e);
        }
    }

    /** Announces a change before the rules directory is touched; forced to disk. */
    public synchronized void markPending(PackVersion record) {
        Path file = pendingFile(record.pack());
        try {
            byte[] content = json.writeValueAsBytes(record);
            FileTrees.writeAtomically(file, out -> out.write(content));
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                ch.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the pending change of pack " + record.pack(), e);
        }
    }

    /** The change announced and not yet finished for a pack, if a crash (or a failure) interrupted one. */
    public synchronized Optional<PackVersion> pending(String pack) {
        Path file = pendingFile(pack);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(file.toFile(), PackVersion.class));
        } catch (IOException e) {
            // Torn or unreadable: written before the rules directory was touched or the history appended, so the
            // change it announced was never acknowledged; treat it as announced with unknown content.
            return Optional.of(new PackVersion(pack, null, null, "unknown", null, null, null, null));
        }
    }

    public synchronized void clearPending(String pack) {
        try {
            Files.deleteIfExists(pendingFile(pack));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the pending change of pack " + pack, e);
        }
    }

    /** Packs the store knows (with a history or a pending change). */
    public synchronized List<String> packs() {
        try (Stream<Path> list = Files.list(root)) {
            return list.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list rule-pack store " + root, e);
        }
    }

    /**
     * Removes what no history record refers to: half-written {@code .N.tmp} directories and versions stored for a
     * change that never reached the history (a crash or a failure between storing the files and acknowledging).
     * Does nothing when the history cannot be read to its end, since it may then name versions past the damage.
     *
     * @return the versions removed
     */
    public synchronized List<String> removeUnrecorded(String pack) {
        Path dir = root.resolve(pack).resolve("versions");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        java.util.Set<String> recorded = new java.util.HashSet<>();
        Path historyFile = root.resolve(pack).resolve("history.jsonl");
        try {
            if (Files.exists(historyFile)) {
                for (String line : Files.readAllLines(historyFile, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        recorded.add(json.readValue(line, PackVersion.class).version());
                    }
                }
            }
        } catch (IOException damaged) {
            // A history that does not read to its end may name versions past the damage: delete nothing.
            return List.of();
        }
        List<String> removed = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : (Iterable<Path>) list::iterator) {
                String name = p.getFileName().toString();
                if (!recorded.contains(name)) {
                    FileTrees.deleteTree(p);
                    removed.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean versions of pack " + pack, e);
        }
        return removed;
    }

    /**
     * Cuts a torn last line (a crash in the middle of {@link #append}) off the history, so the next append starts on
     * a line of its own instead of gluing itself to the fragment, which would hide it and every later record.
     *
     * @return whether anything was cut
     */
    public synchronized boolean repairHistory(String pack) {
        Path file = root.resolve(pack).resolve("history.jsonl");
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            long keep = size;
            java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
            while (keep > 0) {
                one.clear();
                ch.read(one, keep - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                keep--;
            }
            if (keep == size) {
                return false;
            }
            ch.truncate(keep);
            ch.force(true);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot repair the history of pack " + pack, e);
        }
    }

    private Path pendingFile(String pack) {
        return root.resolve(pack).resolve("pending.json");
    }

    private Path versionDir(String pack, String version) {
        return root.resolve(pack).resolve("versions").resolve(version);
    }
}
