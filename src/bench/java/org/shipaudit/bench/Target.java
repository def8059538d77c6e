package org.shipaudit.bench;

import java.util.List;

/**
 * What a run sends: one method and path, and the bodies to cycle through (empty for a GET). Request {@code i} carries
 * body {@code i mod n}, so consecutive requests differ as real traffic does.
 */
public record Target(String name, String method, String path, List<byte[]> bodies) {

    public Target {
        bodies = List.copyOf(bodies);
    }

    public static Target get(String name, String path) {
        return new Target(name, "GET", path, List.of());
    }

    public static Target post(String name, String path, List<byte[]> bodies) {
        if (bodies.isEmpty()) {
            throw new IllegalArgumentException("a POST target needs at least one body");
        }
        return new Target(name, "POST", path, bodies);
    }

    /** Mean body size in bytes, for the report. */
    public long meanBodyBytes() {
        return bodies.isEmpty() ? 0 : bodies.stream().mapToLong(b -> b.length).sum() / bodies.size();
    }
}
