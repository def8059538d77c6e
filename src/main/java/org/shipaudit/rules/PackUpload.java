package org.shipaudit.rules;

import java.util.Map;
import java.util.Set;

/**
 * A candidate change as uploaded: files keyed by their path inside the pack. By default they are laid over the active
 * version (so changing one threshold means uploading one table); {@code replace} makes them the whole pack, and
 * {@code deletes} removes paths.
 */
public record PackUpload(Map<String, byte[]> files, boolean replace, Set<String> deletes) {

    /** Whether a path may be part of a pack: the same rule as for a pack read from disk, {@link PackFiles#isPackFile}. */
    public static boolean allowedPath(String path) {
        return PackFiles.isPackFile(path);
    }
}
