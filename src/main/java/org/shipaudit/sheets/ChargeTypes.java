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
 * Types a carrier's charge from its code and description with the taxonomy in {@code charge-codes.csv} (first match
 * wins; lines may hold for one carrier only), loaded once. The table is data so that a new carrier wording is a one-line change reviewed like any other fact.
 * Thread-safe; results are cached because an invoice repeats the same few dozen descriptions.
 */
final class ChargeTypes {

    /** One line of the table; {@code carrier} is null for a line that holds for every carrier. */
    private record Entry(String match, String pattern, ChargeType type, String carrier) {
        boolean appliesTo(String c) {
            return carrier == null || carrier.equals(c);
        }
    }

    /** What a charge is, and whether a line of the table said so (false: typed OTHER_CHARGES for want of a line). */
    record Typed(ChargeType type, boolean recognised) {
    }

    private static final List<Entry> TABLE = load();
    private static final int CACHE_LIMIT = 50_000;
    private static final Map<String, Typed> CACHE = new ConcurrentHashMap<>();

    private ChargeTypes() {
    }

    /** The type of a charge of any carrier: its code matched exactly first, then its description, then its code. */
    static ChargeType classify(String code, String description) {
        return typed(null, code, description).type();
    }

    /** The type of a carrier's charge, as {@link #classify(String, String)} with that carrier's own lines too. */
    static ChargeType classify(String carrier, String code, String description) {
        return typed(carrier, code, description).type();
    }

    /**
     * The type of a carrier's charge and whether the table knows it. A charge no line matches is OTHER_CHARGES and
     * not recognised, so that the job can count and list it instead of letting it pass as "other".
     */
    static Typed typed(String carrierName, String code, String description) {
        String carrier = carrierName == null ? null : carrierName.toUpperCase(Locale.ROOT);
        String key = carrier + '\u0000' + (code == null ? "" : code) + '\u0000'
                + (description == null ? "" : description);
        Typed cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        ChargeType type = lookup(carrier, code, true);
        if (type == null) {
            type = lookup(carrier, description, false);
        }
        if (type == null) {
            type = lookup(carrier, code, false);
        }
        Typed t = type == null ? new Typed(ChargeType.OTHER_CHARGES, false) : new Typed(type, true);
        if (CACHE.size() < CACHE_LIMIT) {
            CACHE.put(key, t);
        }
        return t;
    }

    /** The type of a text for any carrier, or null when no line of the table matches it. */
    static ChargeType lookup(String text, boolean codesOnly) {
        return lookup(null, text, codesOnly);
    }

    /** The type of a text, or null when no line of the table for that carrier (or for all) matches it. */
    static ChargeType lookup(String carrier, String text, boolean codesOnly) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String norm = normalise(text);
        String code = norm.replace(' ', '_');
        String padded = " " + norm + " ";
        for (Entry e : TABLE) {
            if (!e.appliesTo(carrier)) {
                continue;
            }
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
                String carrier = f.length > 3 && !f[3].isBlank() ? f[3].trim().toUpperCase(Locale.ROOT) : null;
                entries.add(new Entry(match, pattern, ChargeType.valueOf(f[2].trim()), carrier));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(entries);
    }
}
