package org.shipaudit.reference.screening;

import java.util.List;

/**
 * A name reduced to the tokens screening compares: lower case, no diacritics or punctuation, given names first, no
 * honorifics, corporate forms or particles. {@code core} marks the tokens a match must cover (an individual's first
 * given name and surname; every token of an entity): a missing middle name costs little, a missing surname a lot.
 */
public record NormalizedName(List<String> tokens, List<Boolean> core) {

    public NormalizedName {
        tokens = List.copyOf(tokens);
        core = List.copyOf(core);
        if (tokens.size() != core.size()) {
            throw new IllegalArgumentException("one core flag per token");
        }
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    /** The tokens joined by single spaces, as stored in the index and shown in reasons. */
    public String text() {
        return String.join(" ", tokens);
    }

    /** The core flags as a string of 1 and 0, one per token (how the index stores them). */
    public String coreMask() {
        StringBuilder s = new StringBuilder(core.size());
        for (boolean c : core) {
            s.append(c ? '1' : '0');
        }
        return s.toString();
    }

    /** Rebuilds a name from {@link #text()} and {@link #coreMask()}. */
    public static NormalizedName of(String text, String mask) {
        List<String> tokens = text == null || text.isEmpty() ? List.of() : List.of(text.split(" "));
        Boolean[] core = new Boolean[tokens.size()];
        for (int i = 0; i < core.length; i++) {
            core[i] = mask == null || i >= mask.length() || mask.charAt(i) == '1';
        }
        return new NormalizedName(tokens, List.of(core));
    }
}
