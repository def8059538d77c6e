package org.shipaudit.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassificationTermsTest {
    static final TariffSearch SEARCH = new TariffSearch();
    /** How many tariff lines use each word, as the index would say. */
    static final Map<String, Integer> TARIFF = Map.of("earphone", 12, "headphone", 9, "adapter", 30, "pendant", 2,
            "necklace", 0, "jewelry", 40, "parts", 900);

    static ClassificationTerms terms(List<String> synonyms, List<ClassificationTerms.Vague> vague) {
        return ClassificationTerms.of(synonyms, vague, SEARCH::terms, t -> TARIFF.getOrDefault(t, 0));
    }

    @Test
    void aSynonymBridgesAWordTheTariffRarelyUsesToOneItUses() {
        ClassificationTerms t = terms(List.of("earbuds, earphones, headphones", "pendant, jewelry, necklace",
                "earphones, ear plugs"), List.of());
        assertEquals(List.of("earphone", "headphone"), t.synonyms("earbud"));
        assertEquals(List.of("jewelry"), t.synonyms("pendant"), "necklace is no tariff word: no bridge");
        assertEquals(List.of(), t.synonyms("earphone"), "the tariff already uses earphones");
    }

    @Test
    void aGroupOfManyLooselyRelatedWordsIsNotUsed() {
        ClassificationTerms t = terms(List.of("zzbox, adapter, jewelry, earphones, headphones, parts, pendant"),
                List.of());
        assertEquals(List.of(), t.synonyms("zzbox"));
    }

    @Test
    void vagueIsWhatTheGuidanceCallsTooGenericOrWhatHasNoTariffWord() {
        ClassificationTerms t = terms(List.of(), List.of(new ClassificationTerms.Vague("Accessories", true),
                new ClassificationTerms.Vague("adapter", false), new ClassificationTerms.Vague("guinne55", false)));
        assertTrue(t.isVague("accessories"));
        assertTrue(t.isVague("  GUINNE55 "), "a brand or typo: no tariff word in it");
        assertFalse(t.isVague("adapter"), "listed, but it names goods the tariff has");
        assertFalse(t.isVague("phone adapter"));
    }

    @Test
    void aListedDescriptionWithAShoppingWordTheClassifierTranslatesIsNotVague() {
        ClassificationTerms t = terms(List.of(), List.of(new ClassificationTerms.Vague("sneakers", false),
                new ClassificationTerms.Vague("babybjorn", false)));
        assertFalse(t.isVague("sneakers"), "the shopping phrase table reads it as sports footwear");
        assertTrue(t.isVague("babybjorn"), "a brand alone");
    }
}
