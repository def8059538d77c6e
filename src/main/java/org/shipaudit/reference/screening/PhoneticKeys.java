package org.shipaudit.reference.screening;

import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * Double Metaphone keys of a token, primary and alternate, so transliterations of one name ("Mohammed", "Muhammad",
 * "Mokhammed"; "Qasem", "Kasem") share a key.
 *
 * <p>Why Double Metaphone from commons-codec rather than Beider-Morse or Lucene's phonetic analysis module: it is
 * already on the class path (POI needs commons-codec), gives two short keys per token (Beider-Morse gives dozens per
 * token, which multiplies candidates and costs time at p99), and a key computed here is the same at import and at
 * query time without an analyzer chain. Thread-safe: the encoder keeps no state between calls.
 */
public final class PhoneticKeys {
    private static final DoubleMetaphone ENCODER = new DoubleMetaphone();
    /** Keys longer than this are cut: five sounds separate most names without making typos miss. */
    private static final int MAX_LENGTH = 5;

    static {
        ENCODER.setMaxCodeLen(MAX_LENGTH);
    }

    private PhoneticKeys() {
    }

    /** The keys of one token, empty for tokens under three letters or with digits (codes, numbers, initials). */
    public static Set<String> of(String token) {
        Set<String> keys = new LinkedHashSet<>(2);
        if (token.length() < 3 || !token.chars().allMatch(Character::isLetter)) {
            return keys;
        }
        String p = ENCODER.doubleMetaphone(token, false);
        String a = ENCODER.doubleMetaphone(token, true);
        if (p != null && !p.isEmpty()) {
            keys.add(p);
        }
        if (a != null && !a.isEmpty()) {
            keys.add(a);
        }
        return keys;
    }

    /** True when the two tokens share a key. */
    public static boolean alike(String a, String b) {
        Set<String> ka = of(a);
        if (ka.isEmpty()) {
            return false;
        }
        for (String k : of(b)) {
            if (ka.contains(k)) {
                return true;
            }
        }
        return false;
    }
}
