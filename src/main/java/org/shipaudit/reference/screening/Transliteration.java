package org.shipaudit.reference.screening;

/**
 * Latin spellings of the letters that Unicode decomposition does not reduce: Cyrillic (after the common BGN/PCGN-style
 * romanisation the lists use: "Виктор Бут" -> "viktor but"), and the Latin letters without a decomposition.
 */
final class Transliteration {
    private static final String CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў";
    private static final String[] LATIN = {"a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n",
        "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "i", "yi", "ye",
        "g", "u"};

    private Transliteration() {
    }

    /** The Latin spelling of a lower-case letter, or null to keep it as it is. */
    static String latin(char c) {
        int i = CYRILLIC.indexOf(c);
        if (i >= 0) {
            return LATIN[i];
        }
        return switch (c) {
            case 'ß' -> "ss";
            case 'æ' -> "ae";
            case 'œ' -> "oe";
            case 'ø' -> "o";
            case 'ł' -> "l";
            case 'đ', 'ð' -> "d";
            case 'þ' -> "th";
            case 'ı' -> "i";
            default -> null;
        };
    }
}
