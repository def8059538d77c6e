package org.shipaudit.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files of one rule pack as bytes, keyed by their path inside the pack ({@code drl/limits.drl}). Kept in memory so
 * a candidate uploaded over HTTP and a directory on disk are compiled the same way, and so the content hash is exact.
 */
public final class PackFiles {

    private final String packName;
    private final Map<String, byte[]> files;

    public PackFiles(String packName, Map<String, byte[]> files) {
        this.packName = packName;
        this.files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /** Reads every regular file below a pack directory, skipping hidden files. */
    public static PackFiles read(Path dir) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (rel.startsWith(".") || rel.contains("/.") || rel.startsWith("~$") || rel.contains("/~$")) {
                    continue; // editor lock files and dotfiles are not part of a pack
                }
                files.put(rel, Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule pack directory " + dir, e);
        }
        return new PackFiles(dir.getFileName().toString(), files);
    }

    public String packName() {
        return packName;
    }

    public Map<String, byte[]> files() {
        return files;
    }

    public byte[] get(String path) {
        return files.get(path);
    }

    /** SHA-256 over paths and contents in path order: equal packs hash equal wherever they came from. */
    public String contentHash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                sha.update(e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(e.getValue());
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
