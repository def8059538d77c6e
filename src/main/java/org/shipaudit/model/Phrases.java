package org.shipaudit.model;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Whole-word phrase matching for table rows that list words staff edit ("perfume, eau de toilette"): case-insensitive,
 * a phrase matches only between non-letters (so "perfume" is in "perfume-free" but "gin" is not in "ginger"), an
 * optional plural "s"/"es" is accepted. Compiled patterns are cached by list text: a table has tens of rows.
 */
final class Phrases {

    private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

    private Phrases() {
    }

    /** The pattern for a comma-separated list, or null when the list is blank. */
    static Pattern of(String list) {
        if (list == null || list.isBlank()) {
            return null;
        }
        return CACHE.computeIfAbsent(list, l -> {
            String alternatives = Arrays.stream(l.split(","))
                    .map(String::trim).filter(s -> !s.isEmpty())
                    .map(s -> Pattern.quote(s.toLowerCase(java.util.Locale.ROOT)).replace(" ", "\\E[\\s-]+\\Q"))
                    .collect(Collectors.joining("|"));
            return Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])(" + alternatives + ")(?:s|es)?(?![\\p{L}\\p{N}])");
        });
    }

    /** The first phrase of the list found in the text, as written in the text, or null. */
    static String find(String list, String text) {
        Pattern p = of(list);
        if (p == null || text == null) {
            return null;
        }
        java.util.regex.Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
