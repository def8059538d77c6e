package org.shipaudit.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whole-word phrase matching for table rows that list words staff edit ("perfume, eau de toilette"): case-insensitive,
 * a phrase matches only between non-letters (so "perfume" is in "perfume-free" but "gin" is not in "ginger"), an
 * optional plural "s"/"es" is accepted, and a space or a hyphen between two words of a phrase matches either ("perfume
 * free" finds "perfume-free" and "perfume free"). A word {@code #} stands for a number (5200, 11.1, 3,7), written with
 * or without a space before the next word, so "# mah" finds "5200 mAh", "5200mAh" and the "19800mAh" of
 * "3.7v19800mAh" (a number may follow a letter: sellers glue figures to units). Compiled patterns are cached by list
 * text: a table has tens of rows.
 */
final class Phrases {

    /** The word of a phrase that stands for a number. */
    static final String NUMBER = "#";

    private static final String NUMBER_PATTERN = "\\d+(?:[.,]\\d+)?";
    private static final Map<String, Compiled> CACHE = new ConcurrentHashMap<>();

    /**
     * A list's pattern and, when every phrase has a literal ASCII word, the first such word of each (lower case): a
     * text can match only if it contains one of them, which a substring search answers far faster than the regex,
     * whose boundary checks run at every position. HAZ-030 runs a list per terms row on every item of every audit,
     * and real titles are 100-200 characters; nearly all of them contain none of the words.
     */
    private record Compiled(Pattern pattern, String[] required) {
    }

    private Phrases() {
    }

    /** The pattern for a comma-separated list, or null when the list is blank. */
    static Pattern of(String list) {
        Compiled c = compiled(list);
        return c == null ? null : c.pattern();
    }

    private static Compiled compiled(String list) {
        if (list == null || list.isBlank()) {
            return null;
        }
        return CACHE.computeIfAbsent(list, l -> {
            // Two groups, each behind one boundary check: a check per phrase would run at every position of the
            // text once per phrase (HAZ-030 runs these on every item of every audit).
            List<String> words = new ArrayList<>();
            List<String> numbers = new ArrayList<>();
            List<String> required = new ArrayList<>();
            boolean filter = true;
            for (String phrase : l.split(",")) {
                String p = phrase.trim().toLowerCase(Locale.ROOT);
                if (!p.isEmpty()) {
                    (p.split("[\\s-]+")[0].equals(NUMBER) ? numbers : words).add(alternative(p));
                    String literal = firstLiteral(p);
                    // Case folding can match a non-ASCII letter to an ASCII one (the long s to s): no filter then.
                    filter &= literal != null && isAscii(literal);
                    required.add(literal);
                }
            }
            List<String> groups = new ArrayList<>();
            if (!words.isEmpty()) {
                groups.add("(?<![\\p{L}\\p{N}])(?:" + String.join("|", words) + ")");
            }
            if (!numbers.isEmpty()) {
                groups.add("(?<![\\p{N}.,])(?:" + String.join("|", numbers) + ")");
            }
            return groups.isEmpty() ? null
                    : new Compiled(Pattern.compile("(?iu)(" + String.join("|", groups) + ")(?:s|es)?(?![\\p{L}\\p{N}])"),
                            filter ? required.toArray(String[]::new) : null);
        });
    }

    /** The phrase's first word that is not a number, or null when it has none. */
    private static String firstLiteral(String phrase) {
        for (String w : phrase.split("[\\s-]+")) {
            if (!w.isEmpty() && !NUMBER.equals(w)) {
                return w;
            }
        }
        return null;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    /**
     * The last text a thread filtered and its lower case (null when it is not ASCII): HAZ-030 joins every terms row with
     * the same item description, so one audit asks about one text tens of times in a row, and lower-casing a
     * 150-character title each time cost more than the search.
     */
    private static final ThreadLocal<String[]> LAST = ThreadLocal.withInitial(() -> new String[2]);

    /** False only when the text cannot match: it is ASCII and contains none of the required words. */
    private static boolean mayMatch(Compiled c, String text) {
        if (c.required() == null) {
            return true;
        }
        String[] last = LAST.get();
        if (last[0] != text) {
            last[0] = text;
            last[1] = isAscii(text) ? text.toLowerCase(Locale.ROOT) : null;
        }
        String lower = last[1];
        if (lower == null) {
            return true;
        }
        for (String word : c.required()) {
            for (int at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
                if (standsAlone(lower, at, at + word.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * False when the word found at {@code [start, end)} of a lower-case ASCII text is part of a longer word, so no
     * phrase can match there: a phrase's first literal word is preceded by a non-letter (the left boundary, or the
     * space, hyphen or digit after a leading number) and followed by a non-letter or a plural "s"/"es" ending the word.
     * Real titles hold "oil" in "foil" and "gas" in "Vegas" far more often than the words themselves; the regex, with
     * its boundary checks at every position, ran on about 4 of 5 texts the substring test let through for nothing.
     */
    private static boolean standsAlone(String lower, int start, int end) {
        if (start > 0 && isLetter(lower.charAt(start - 1))) {
            return false;
        }
        int next = end;
        if (next < lower.length() && lower.charAt(next) == 'e' && next + 1 < lower.length()
                && lower.charAt(next + 1) == 's') {
            next += 2;
        } else if (next < lower.length() && lower.charAt(next) == 's') {
            next += 1;
        }
        return next >= lower.length() || !isLetter(lower.charAt(next));
    }

    /** A letter of lower-cased ASCII text (the only letters such a text holds). */
    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    /** One phrase as a regex: its words in order, each a literal or a number (the left boundary is the caller's). */
    private static String alternative(String phrase) {
        String[] words = phrase.split("[\\s-]+");
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            boolean number = NUMBER.equals(words[i]);
            if (i > 0) {
                // a number may touch the word after it ("5200mAh"); two words need a space or a hyphen between
                re.append(number || NUMBER.equals(words[i - 1]) ? "[\\s-]*" : "[\\s-]+");
            }
            re.append(number ? NUMBER_PATTERN : Pattern.quote(words[i]));
        }
        return re.toString();
    }

    /** The first phrase of the list found in the text, as written in the text, or null. */
    static String find(String list, String text) {
        Compiled c = compiled(list);
        if (c == null || text == null || !mayMatch(c, text)) {
            return null;
        }
        Matcher m = c.pattern().matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
