package org.shipaudit.rules;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A candidate change as uploaded: files keyed by their path inside the pack. By default they are laid over the active
 * version (so changing one threshold means uploading one table); {@code replace} makes them the whole pack, and
 * {@code deletes} removes paths.
 */
public record PackUpload(Map<String, byte[]> files, boolean replace, Set<String> deletes) {

    private static final Pattern PATH = Pattern.compile(
            "(pack\\.yaml|CHANGELOG\\.md|README\\.md|(drl/[\\w.\\-/]+\\.drl)|(tables/[\\w.\\-/]+\\.(xlsx|csv))"
                    + "|(scenarios/[\\w.\\-/]+\\.ya?ml))");

    /** Whether a path may be part of a pack: known folders and extensions, no parent references. */
    public static boolean allowedPath(String path) {
        return path != null && !path.contains("..") && !path.contains("//") && PATH.matcher(path).matches();
    }
}
