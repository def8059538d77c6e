package org.shipaudit.model.lookup;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Proper shipping names compared as words: case, accents and punctuation ignored ("n.o.s." reads as "n o s"), and
 * the table's parenthesised qualifiers ("(each not exceeding 1 L capacity)") kept apart from the name itself, since
 * shippers write the name without them.
 */
public final class HazmatNames {

    private HazmatNames() {
    }

    /** The name without its parenthesised parts, as words joined by one space: "aerosols flammable". */
    public static String core(String name) {
        return name == null ? "" : String.join(" ", words(name.replaceAll("\\([^)]*\\)?", " ")));
    }

    /** Every word of the name, parenthesised parts included. */
    public static Set<String> allWords(String name) {
        return name == null ? Set.of() : words(name);
    }

    /** The words of {@link #core}. */
    public static Set<String> coreWords(String name) {
        return name == null ? Set.of() : words(name.replaceAll("\\([^)]*\\)?", " "));
    }

    private static Set<String> words(String s) {
        String plain = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^\\p{Alnum}]+", " ").trim();
        return plain.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(plain.split(" ")));
    }
}
