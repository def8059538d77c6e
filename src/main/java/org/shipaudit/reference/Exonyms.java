package org.shipaudit.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * English names of foreign places (Munich, Vienna, Prague) and the local names the postal data uses (München, Wien,
 * Praha), from the bundled table {@code reference/exonyms.csv} with its source. Names compare as {@link Normalize#name}.
 */
final class Exonyms {

    private static final Map<String, List<String>> LOCAL = load();

    private Exonyms() {
    }

    /** The local names (normalised) of an English place name (normalised) in a country; empty when none. */
    static List<String> localNames(String country, String normalizedCity) {
        return LOCAL.getOrDefault(country + "|" + normalizedCity, List.of());
    }

    private static Map<String, List<String>> load() {
        Map<String, List<String>> out = new HashMap<>();
        try (InputStream in = Exonyms.class.getResourceAsStream("/reference/exonyms.csv")) {
            if (in == null) {
                throw new IllegalStateException("reference/exonyms.csv is missing from the build");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",", 3);
                out.computeIfAbsent(f[0].trim() + "|" + Normalize.name(f[1]), k -> new ArrayList<>())
                        .add(Normalize.name(f[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
