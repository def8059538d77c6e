package org.shipaudit.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TariffVocabularyTest {
    private static final TariffVocabulary WORDS = TariffVocabulary.of(
            List.of("control", "cream", "crime", "dress", "moisturiser", "shampoo", "trouser", "trousseau", "trout"),
            new int[] {40, 30, 2, 50, 3, 6, 12, 1, 5});

    @Test
    void readsAWordWithoutVowelsAsTheCommonestWordWithThoseConsonants() {
        assertEquals(List.of("cream"), WORDS.repair("crm", false), "cream is on more lines than crime");
        assertEquals(List.of("control"), WORDS.repair("cntrl", false));
        assertEquals(List.of("shampoo"), WORDS.repair("shmp", false));
    }

    @Test
    void readsFourConsonantsAsTheStartOfAWordWhenNoneHasExactlyThem() {
        assertEquals(List.of("moisturiser"), WORDS.repair("mstr", false));
    }

    @Test
    void completesACutLastWordWithItsCommonestCompletions() {
        assertEquals(List.of("trouser", "trousseau"), WORDS.repair("trous", true));
        assertEquals(List.of(), WORDS.repair("trous", false), "only the last word may have been cut");
        assertEquals(List.of(), WORDS.repair("tro", true), "too short to say which word it starts");
    }

    @Test
    void leavesKnownWordsAndWordsWithVowelsAlone() {
        assertEquals(List.of(), WORDS.repair("dress", true));
        assertEquals(List.of(), WORDS.repair("rimmel", false));
        assertEquals(List.of(), WORDS.repair("xq", false));
    }
}
