package org.shipaudit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PhrasesTest {

    @Test
    void matchesWholeWordsWithAnOptionalPlural() {
        assertEquals("perfume", Phrases.find("perfume, cologne", "Eau de perfume 50 ml"));
        assertEquals("Cologne", Phrases.find("perfume, cologne", "Colognes for men"));
        assertNull(Phrases.find("gin", "Ginger tea"));
    }

    @Test
    void aSpaceOrAHyphenBetweenWordsMatchesEither() {
        assertEquals("perfume-free", Phrases.find("perfume free", "Perfume-free body lotion").toLowerCase());
        assertEquals("perfume free", Phrases.find("perfume-free", "perfume free body lotion"));
        assertEquals("e scooter", Phrases.find("e-scooter", "10 inch e scooter"));
    }

    @Test
    void hashStandsForANumberWithOrWithoutASpaceBeforeTheUnit() {
        assertEquals("5200 mAh", Phrases.find("# mah", "11.1 V 5200 mAh battery"));
        assertEquals("5200mAh", Phrases.find("# mah", "11.1V 5200mAh battery"));
        assertEquals("19800mAh", Phrases.find("# mah", "18650 battery 3.7v19800mAh"));
        assertEquals("750Wh", Phrases.find("# wh", "48V 15.6Ah 750Wh"));
        assertEquals("11.1 v battery", Phrases.find("# v battery", "an 11.1 v battery"));
        assertNull(Phrases.find("# mah", "mah-jong set"));
        assertNull(Phrases.find("# wh", "750 whisks"));
    }

    @Test
    void theWordFilterNeverHidesAMatchTheRegexFinds() {
        // ASCII text without any listed word is rejected before the regex; anything else still goes through it.
        assertNull(Phrases.find("perfume, cologne", "Stainless steel vacuum water bottle 750 ml"));
        assertEquals("PERFUME", Phrases.find("perfume", "EAU DE PERFUME"));
        assertEquals("perfume", Phrases.find("perfume", "Crème perfume"));
        assertEquals("perfu\u017Fme".length(), Phrases.find("perfusme", "perfu\u017Fme").length(),
                "the long s folds to s under Unicode case-insensitive matching");
    }

    @Test
    void aListedWordInsideALongerWordIsRejectedBeforeTheRegex() {
        assertNull(Phrases.find("oil, gas", "Aluminium foil roll for Las Vegas"));
        assertEquals("oil", Phrases.find("oil", "Olive oils, 2 pack"));
        assertEquals("Lighter", Phrases.find("lighter", "Lighters (2)"));
        assertEquals("gas", Phrases.find("gas", "noble gases"));
    }

    /** The word filter answers as the regex alone would, at every boundary a word can have on either side. */
    @Test
    void theBoundaryFilterAgreesWithTheRegexEverywhere() {
        String[] lists = {"oil", "gas, lighter", "e-cigarette", "# mah", "# v battery", "perfume free", "gin"};
        String[] examples = {"oil", "gas", "lighter", "e-cigarette", "e cigarette", "5200 mah", "5200mAh",
            "11.1 v battery", "perfume-free", "gin", "Gin"};
        String[] before = {"", " ", "x", "3", "-", "(", "a "};
        String[] after = {"", " ", "s", "es", "ses", "x", "sx", "esx", "3", "-", ")", "s-"};
        for (String list : lists) {
            java.util.regex.Pattern regex = Phrases.of(list);
            for (String example : examples) {
                for (String b : before) {
                    for (String a : after) {
                        String text = b + example + a;
                        java.util.regex.Matcher m = regex.matcher(text);
                        assertEquals(m.find() ? m.group(1) : null, Phrases.find(list, text),
                                "list '" + list + "' on '" + text + "'");
                    }
                }
            }
        }
    }

    @Test
    void aBlankListMatchesNothing() {
        assertNull(Phrases.find(" , ", "anything"));
        assertNull(Phrases.find(null, "anything"));
    }
}
