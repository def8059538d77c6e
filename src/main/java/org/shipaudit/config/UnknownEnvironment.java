package org.shipaudit.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code SHIPAUDIT_} environment variables that name no setting. They are warned about rather than refused: the
 * environment is shared with other programs and a stale variable must not stop a restart, but a misspelt one
 * ({@code SHIPAUDIT_HTTP_PROT}) silently ignored is an outage waiting to happen, so the warning names the nearest key.
 */
public final class UnknownEnvironment {

    static final String PREFIX = "SHIPAUDIT_";
    /** Read by logback.xml, not by the configuration loader. */
    static final Set<String> OTHER_KNOWN = Set.of("SHIPAUDIT_LOG_LEVEL");
    /** Past this many edits a suggestion is more likely noise than the intended name. */
    private static final int MAX_DISTANCE = 4;

    private UnknownEnvironment() {
    }

    /** One warning per unknown variable, sorted by name; empty when all are known. */
    public static List<String> warnings(Map<String, String> env) {
        Set<String> known = new TreeSet<>(OTHER_KNOWN);
        for (ConfigKey k : ConfigKey.values()) {
            known.add(k.envName());
        }
        List<String> out = new ArrayList<>();
        for (String name : new TreeSet<>(env.keySet())) {
            if (!name.startsWith(PREFIX) || known.contains(name)) {
                continue;
            }
            String nearest = nearest(name, known);
            out.add(name + " is not a ShipAudit setting and is ignored"
                    + (nearest == null ? "" : "; did you mean " + nearest + describe(nearest) + "?")
                    + " (settings: src/site/markdown/configuration.md)");
        }
        return out;
    }

    private static String describe(String envName) {
        for (ConfigKey k : ConfigKey.values()) {
            if (k.envName().equals(envName)) {
                return " (" + k.key() + ")";
            }
        }
        return "";
    }

    private static String nearest(String name, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(name, k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return bestDistance <= MAX_DISTANCE ? best : null;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost one. */
    static int distance(String a, String b) {
        return org.shipaudit.reference.screening.EditDistance.osa(a, b, Math.max(a.length(), b.length()));
    }
}
