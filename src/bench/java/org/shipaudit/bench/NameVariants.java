package org.shipaudit.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.shipaudit.reference.screening.Keyboard;

/**
 * The ways a listed name reaches a shipment misspelt: typos, a dropped middle token, word order, transliteration,
 * a changed or added corporate form, case and accents. Each variant says which kind it is, so recall is reported per
 * kind. Seeded: the same seed gives the same variants.
 */
final class NameVariants {
    enum Kind { EXACT, TYPO, DROPPED_TOKEN, WORD_ORDER, TRANSLITERATION, CORPORATE_FORM, CASE_AND_ACCENTS }

    record Variant(Kind kind, String name) {
    }

    /** Spelling swaps seen between romanisations of one name (Arabic, Persian, Russian into English, French, German). */
    private static final String[][] TRANSLITERATIONS = {{"ou", "u"}, {"u", "ou"}, {"ph", "f"}, {"kh", "h"},
        {"y", "i"}, {"ee", "i"}, {"oo", "u"}, {"v", "w"}, {"j", "dj"}, {"ch", "tch"}, {"q", "k"}, {"mohammed", "muhammad"},
        {"muhammad", "mohamed"}, {"ahmad", "ahmed"}, {"hussein", "husain"}, {"abdul", "abd al"}, {"ei", "ey"},
        {"ck", "k"}, {"sh", "sch"}, {"iy", "i"}};
    private static final String[] FORMS = {"LLC", "Ltd.", "GmbH", "S.A.", "Inc.", "Co., Ltd.", "OOO", "FZE"};

    private final Random random;

    NameVariants(long seed) {
        this.random = new Random(seed);
    }

    /** One variant of each kind that applies to the name (a dropped token needs three tokens, and so on). */
    List<Variant> of(String name, boolean entity) {
        List<Variant> out = new ArrayList<>();
        out.add(new Variant(Kind.EXACT, name));
        List<String> tokens = new ArrayList<>(Arrays.asList(name.replace(",", " ").trim().split("\\s+")));
        int longest = 0;
        for (int i = 1; i < tokens.size(); i++) {
            if (tokens.get(i).length() > tokens.get(longest).length()) {
                longest = i;
            }
        }
        if (tokens.get(longest).length() >= 5) {
            List<String> t = new ArrayList<>(tokens);
            t.set(longest, typo(t.get(longest)));
            out.add(new Variant(Kind.TYPO, String.join(" ", t)));
        }
        if (tokens.size() >= 3) {
            // A person's middle name left out ("LAST, First Middle" -> "First LAST"), or a word of a company name.
            List<String> t = new ArrayList<>(tokens);
            if (!entity && name.contains(",")) {
                String[] parts = name.split(",", 2);
                String[] given = parts[1].trim().split("\\s+");
                if (given.length >= 2) {
                    out.add(new Variant(Kind.DROPPED_TOKEN, given[0] + " " + parts[0].trim()));
                }
            } else {
                t.remove(1 + random.nextInt(t.size() - 2));
                out.add(new Variant(Kind.DROPPED_TOKEN, String.join(" ", t)));
            }
        }
        if (tokens.size() >= 2) {
            List<String> t = new ArrayList<>(tokens);
            if (name.contains(",")) {
                // "LAST, First" written the way a consignee gives it: "First LAST".
                String[] parts = name.split(",", 2);
                out.add(new Variant(Kind.WORD_ORDER, parts[1].trim() + " " + parts[0].trim()));
            } else {
                java.util.Collections.swap(t, 0, t.size() - 1);
                out.add(new Variant(Kind.WORD_ORDER, String.join(" ", t)));
            }
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (int tries = 0; tries < TRANSLITERATIONS.length; tries++) {
            String[] sw = TRANSLITERATIONS[random.nextInt(TRANSLITERATIONS.length)];
            int at = lower.indexOf(sw[0]);
            if (at >= 0) {
                out.add(new Variant(Kind.TRANSLITERATION, lower.substring(0, at) + sw[1] + lower.substring(at + sw[0].length())));
                break;
            }
        }
        if (entity) {
            out.add(new Variant(Kind.CORPORATE_FORM, stripForm(name) + " " + FORMS[random.nextInt(FORMS.length)]));
        }
        out.add(new Variant(Kind.CASE_AND_ACCENTS, accents(lower)));
        return out;
    }

    private String typo(String token) {
        char[] c = token.toCharArray();
        int i = 1 + random.nextInt(c.length - 2);
        switch (random.nextInt(3)) {
            case 0 -> { // swap two neighbours
                char x = c[i];
                c[i] = c[i + 1];
                c[i + 1] = x;
                return new String(c);
            }
            case 1 -> { // drop a letter
                return token.substring(0, i) + token.substring(i + 1);
            }
            default -> { // a neighbouring key
                c[i] = neighbourKey(c[i], i);
                return new String(c);
            }
        }
    }

    /**
     * A QWERTY key touching {@code c}'s ({@link Keyboard}), in its case; which of them is picked from the position, so
     * the random stream, and with it every other variant of a seed, is the one it was when this was the next letter
     * of the alphabet. A character off the letter keys (a digit, an accented letter) still becomes the next one.
     */
    static char neighbourKey(char c, int position) {
        char lower = Character.toLowerCase(c);
        List<Character> keys = new ArrayList<>();
        for (char k = 'a'; k <= 'z'; k++) {
            if (Keyboard.neighbours(lower, k)) {
                keys.add(k);
            }
        }
        if (keys.isEmpty()) {
            return (char) (c + 1);
        }
        char k = keys.get(position % keys.size());
        return Character.isUpperCase(c) ? Character.toUpperCase(k) : k;
    }

    private static String stripForm(String name) {
        return name.replaceAll("(?i)[,\\s]+(LLC|L\\.L\\.C\\.|LTD\\.?|LIMITED|INC\\.?|S\\.A\\.?|CO\\.?|GMBH|FZE|OOO|JSC)\\b\\.?", "")
                .trim();
    }

    private static String accents(String s) {
        return s.replaceFirst("e", "é").replaceFirst("a", "á").replaceFirst("o", "ö");
    }
}
