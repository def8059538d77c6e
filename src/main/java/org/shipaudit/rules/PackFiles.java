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
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of one rule pack as bytes, keyed by their path inside the pack ({@code drl/limits.drl}). Kept in memory so
 * a candidate uploaded over HTTP and a directory on disk are compiled the same way, and so the content hash is exact.
 */
public final class PackFiles {

    private static final Logger LOG = LoggerFactory.getLogger(PackFiles.class);
    private static final Pattern PATH = Pattern.compile(
            "(pack\\.yaml|CHANGELOG\\.md|README\\.md|(drl/[\\w.\\-/]+\\.drl)|(tables/[\\w.\\-/]+\\.(xlsx|csv))"
                    + "|(scenarios/[\\w.\\-/]+\\.ya?ml))");

    private final String packName;
    private final Map<String, byte[]> files;

    public PackFiles(String packName, Map<String, byte[]> files) {
        this.packName = packName;
        this.files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /**
     * Whether a path may be part of a pack, the one rule for an upload and for a directory read at start-up (so a file
     * accepted by a deploy is never dropped by the next start, which would mint a new version): known folders and
     * extensions, no parent references, and no segment that is hidden ({@code .x}) or an editor lock ({@code ~$x}).
     */
    public static boolean isPackFile(String path) {
        if (path == null || path.contains("..") || path.contains("//") || !PATH.matcher(path).matches()) {
            return false;
        }
        for (String segment : path.split("/")) {
            if (segment.startsWith(".") || segment.startsWith("~$")) {
                return false;
            }
        }
        return true;
    }

    /** Reads the pack files below a pack directory; anything else there (editor files, notes) is skipped. */
    public static PackFiles read(Path dir) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (!isPackFile(rel)) {
                    if (!rel.contains("~$") && !rel.startsWith(".") && !rel.contains("/.")) {
                        LOG.warn("{}: {} is not a pack file and is ignored (allowed: pack.yaml, CHANGELOG.md, "
                                + "README.md, drl/*.drl, tables/*.xlsx|csv, scenarios/*.yaml)", dir, rel);
                    }
                    continue;
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
