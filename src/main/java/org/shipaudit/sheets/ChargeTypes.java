package org.shipaudit.sheets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.shipaudit.model.ChargeType;

/**
 * Types a carrier's charge from its code and description with the table in {@code charge-codes.csv} (first match
 * wins). The table is data so that a new carrier wording is a one-line change reviewed like any other fact.
 * Thread-safe; results are cached because an invoice repeats the same few dozen descriptions.
 */
final class ChargeTypes {

    private record Entry(String match, String pattern, ChargeType type) {
    }

    private static final List<Entry> TABLE = load();
    private static final int CACHE_LIMIT = 50_000;
    private static final Map<String, ChargeType> CACHE = new ConcurrentHashMap<>();

    private ChargeTypes() {
    }

    /** The type of a charge: its code matched exactly first, then its description, then its code as text. */
    static ChargeType classify(String code, String description) {
        String key = (code == null ? "" : code) + '\u0000' + (description == null ? "" : description);
        ChargeType cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        ChargeType type = lookup(code, true);
        if (type == null) {
            type = lookup(description, false);
        }
        if (type == null) {
            type = lookup(code, false);
        }
        if (type == null) {
            type = ChargeType.OTHER_CHARGES;
        }
        if (CACHE.size() < CACHE_LIMIT) {
            CACHE.put(key, type);
        }
        return type;
    }

    /** The type of a text, or null when no line of the table matches it. */
    static ChargeType lookup(String text, boolean codesOnly) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String norm = normalise(text);
        String code = norm.replace(' ', '_');
        String padded = " " + norm + " ";
        for (Entry e : TABLE) {
            boolean hit = switch (e.match) {
                case "code" -> code.equals(e.pattern);
                case "starts" -> !codesOnly && (norm.equals(e.pattern) || norm.startsWith(e.pattern + " "));
                default -> !codesOnly && padded.contains(" " + e.pattern + " ");
            };
            if (hit) {
                return e.type;
            }
        }
        return null;
    }

    /** Upper case, every run of characters other than letters and digits as one space. */
    static String normalise(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        boolean space = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toUpperCase(c));
                space = false;
            } else if (!space) {
                sb.append(' ');
                space = true;
            }
        }
        int end = sb.length();
        if (end > 0 && sb.charAt(end - 1) == ' ') {
            sb.setLength(end - 1);
        }
        return sb.toString();
    }

    private static List<Entry> load() {
        List<Entry> entries = new ArrayList<>();
        try (InputStream in = ChargeTypes.class.getResourceAsStream("charge-codes.csv")) {
            if (in == null) {
                throw new IllegalStateException("charge-codes.csv is missing from the class path");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            boolean header = true;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(",", -1);
                String match = f[0].trim().toLowerCase(Locale.ROOT);
                if (!match.equals("code") && !match.equals("starts") && !match.equals("contains")) {
                    throw new IllegalStateException("charge-codes.csv: unknown match '" + f[0] + "' in: " + line);
                }
                String pattern = match.equals("code") ? f[1].trim().toUpperCase(Locale.ROOT) : normalise(f[1]);
                entries.add(new Entry(match, pattern, ChargeType.valueOf(f[2].trim())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(entries);
    }
}
