package org.shipaudit.reference.screening;

/**
 * Folds the spellings that romanisations of one Arabic, Persian or Russian name differ by onto one form, so that
 * "qods" and "kods", "steel" and "stil", "mousavi" and "musavi", "ivanoff" and "ivanov", "mohammed" and "muhammad"
 * compare as the same word spelt two ways. Applied to a normalised token (lower case, Latin, no marks); the same
 * function serves the listed and the screened name, so the two sides always fold alike.
 *
 * <p>Why a fold and not only the Double Metaphone keys: the keys of words of four letters or fewer are one or two
 * consonants, shared by plainly different names ("chen", "chan", "chin"), so sound is not counted for short words;
 * the fold merges only the letter groups that stand for one sound in the romanisations the lists use (q/k, ou/u,
 * kh/h, ee/i, ph/f, doubled letters, -off/-ov, the article "al" written together with the word, "abdul"/"abd"), so
 * "kods"/"qods" meet while "chen"/"chan" stay apart. Vowels other
 * than those groups are kept: "hamid" and "hamad" are two names.
 */
public final class SpellingFold {
    private static final java.util.regex.Pattern MOHAMMED = java.util.regex.Pattern.compile("m[ou]h?[ae]mm?[ae]dd?");

    /** "Abdul", "Abdel", "Abdol", "Abdoul", "Abdal": the romanisations of "Abd al-" before a name. */
    private static final java.util.Set<String> ABD = java.util.Set.of("abd", "abdul", "abdel", "abdol", "abdoul",
            "abdal", "abdil");

    private SpellingFold() {
    }

    /** The folded form of one normalised token; tokens with digits or of one letter are returned as they are. */
    public static String of(String token) {
        if (token.length() < 2 || !lettersOnly(token)) {
            return token;
        }
        if (isMohammed(token)) {
            return "muhamad";
        }
        if (ABD.contains(token)) {
            return "abd"; // "Abdul Rahman" is "Abd al-Rahman": the article is dropped as a particle, "abd" remains
        }
        if (token.startsWith("al") && token.length() >= 7) {
            token = token.substring(2); // the article written together: "alkhayriyya" is "al-khayriyya"
        }
        StringBuilder b = new StringBuilder(token.length());
        int n = token.length();
        for (int i = 0; i < n; i++) {
            char c = token.charAt(i);
            char next = i + 1 < n ? token.charAt(i + 1) : 0;
            switch (c) {
                case 'q' -> b.append('k');
                case 'c' -> {
                    if (next == 'k') { // "ck" is one k
                        b.append('k');
                        i++;
                    } else if (next == 'h') { // "ch" stays: "tch" and "ch" are one sound
                        if (b.length() > 0 && b.charAt(b.length() - 1) == 't') {
                            b.setLength(b.length() - 1);
                        }
                        b.append("ch");
                        i++;
                    } else {
                        b.append('c');
                    }
                }
                case 'k' -> {
                    if (next == 'h') { // "kh" romanises one letter that others write "h"
                        b.append('h');
                        i++;
                    } else {
                        b.append('k');
                    }
                }
                case 'p' -> {
                    if (next == 'h') {
                        b.append('f');
                        i++;
                    } else {
                        b.append('p');
                    }
                }
                case 'g' -> {
                    if (next == 'h' && i > 0) { // "gh" inside a word is the same g; a leading "gh" is kept
                        b.append('g');
                        i++;
                    } else {
                        b.append('g');
                    }
                }
                case 's' -> {
                    if (next == 'c' && i + 2 < n && token.charAt(i + 2) == 'h') { // German "sch" is "sh"
                        b.append("sh");
                        i += 2;
                    } else {
                        b.append('s');
                    }
                }
                case 'd' -> {
                    if (next == 'j') { // French "dj" is "j"
                        b.append('j');
                        i++;
                    } else {
                        b.append('d');
                    }
                }
                case 'o' -> {
                    if (next == 'u' || next == 'o') { // "ou", "oo" are the u of English spellings
                        b.append('u');
                        i++;
                    } else {
                        b.append('o');
                    }
                }
                case 'e' -> {
                    if (next == 'e') { // "ee" is the i of other spellings
                        b.append('i');
                        i++;
                    } else {
                        b.append('e');
                    }
                }
                case 'y' -> b.append(i == 0 ? 'y' : 'i'); // "dmitriy"/"dmitri"; a leading y ("yusuf") is a consonant
                case 'w' -> b.append('v');
                default -> b.append(c);
            }
            // Doubled letters are spelt single or double by different romanisations ("hassan", "hasan").
            int last = b.length() - 1;
            if (last > 0 && b.charAt(last) == b.charAt(last - 1)) {
                b.setLength(last);
            }
        }
        // "-off" and "-ow" are the French and German spellings of the Russian "-ov" ("ivanoff", "iwanow").
        int len = b.length();
        if (len > 4 && b.charAt(len - 2) == 'o' && b.charAt(len - 1) == 'f') {
            b.setCharAt(len - 1, 'v');
        }
        return b.toString();
    }

    /**
     * The spellings of Muhammad: m, o or u, h (or none), a or e, one or two m, a or e, one or two d ("mohammed",
     * "muhammad", "mohamad", "mohamed", "mehmed" is Turkish and kept apart), and the abbreviations "mohd", "muhd".
     */
    private static boolean isMohammed(String t) {
        // Checked on every pair scored: the cheap tests first, the pattern only for words of its shape.
        return t.charAt(0) == 'm' && t.length() >= 4 && t.length() <= 9
                && (t.equals("mohd") || t.equals("muhd") || MOHAMMED.matcher(t).matches());
    }

    private static boolean lettersOnly(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return true;
    }
}
