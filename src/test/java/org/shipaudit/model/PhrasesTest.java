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
    void aBlankListMatchesNothing() {
        assertNull(Phrases.find(" , ", "anything"));
        assertNull(Phrases.find(null, "anything"));
    }
}
