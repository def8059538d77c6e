package org.shipaudit.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductQueryTest {
    static final TariffSearch SEARCH = new TariffSearch();

    static ProductQuery analyse(ClassifyRequest r, Map<String, List<String>> synonyms) {
        return ProductQuery.of(r, SEARCH::terms, t -> synonyms.getOrDefault(t, List.of()));
    }

    static double weight(ProductQuery q, String term) {
        return q.terms().stream().filter(t -> t.term().equals(term)).mapToDouble(ProductQuery.Term::weight)
                .findFirst().orElse(0);
    }

    @Test
    void takesTheLastWordsBeforeForAsTheNounAndDiscountsSellingWords() {
        ProductQuery q = analyse(ClassifyRequest.of("Hot Sale 2024 Red Magnetic Dragon Pendant Necklace for Kitchen",
                "HS"), Map.of());
        assertEquals(List.of("pendant", "necklace"), q.analysis().nouns());
        assertEquals(List.of("kitchen"), q.analysis().uses());
        assertTrue(q.analysis().discounted().containsAll(List.of("hot", "sale", "2024", "red")),
                q.analysis().discounted().toString());
        assertTrue(weight(q, "necklace") > weight(q, "magnetic"), q.analysis().terms().toString());
        assertTrue(weight(q, "magnetic") > weight(q, "kitchen"), q.analysis().terms().toString());
        assertEquals(0, weight(q, "red"));
    }

    @Test
    void readsTheCategoryLeafAsANounAndTheMaterialAttributeAsAMaterial() {
        ProductQuery q = analyse(new ClassifyRequest("GG 21\" Keshi Chain Handmade For Lady",
                List.of("Jewelry & Accessories", "Pendants"), Map.of("Material", "Copper", "Brand Name", "Acme"),
                "HTSUS"), Map.of());
        assertTrue(q.analysis().nouns().contains("pendant"), q.analysis().toString());
        assertEquals(List.of("copper"), q.analysis().materials());
        assertEquals(0, weight(q, "acme"), "a brand says nothing about the goods");
        assertTrue(weight(q, "pendant") > weight(q, "jewelry"), "the leaf counts more than the broader category");
        assertTrue(q.analysis().uses().contains("lady"), "who the goods are for is a use, not noise");
    }

    @Test
    void addsSynonymsBelowTheWordTheyExpand() {
        ProductQuery q = analyse(ClassifyRequest.of("wireless earbuds", "HS"), Map.of("earbud", List.of("headphone")));
        assertTrue(weight(q, "headphone") > 0, q.analysis().terms().toString());
        assertTrue(weight(q, "headphone") < weight(q, "earbud"));
        // The shopping phrase table adds the tariff's own word too.
        assertTrue(weight(q, "earphone") > 0, q.analysis().terms().toString());
    }

    @Test
    void isEmptyWhenOnlySellingWordsAreLeft() {
        ProductQuery q = analyse(ClassifyRequest.of("New gift set 2pcs", "HS"), Map.of());
        assertTrue(q.isEmpty(), q.analysis().terms().toString());
        assertFalse(q.analysis().discounted().isEmpty());
    }

    @Test
    void aPartWeighsTheGoodsItIsForNearlyAsANoun() {
        ProductQuery strap = analyse(ClassifyRequest.of("Stainless Steel Strap for Huawei Watch", "HS"), Map.of());
        ProductQuery stand = analyse(ClassifyRequest.of("Stainless Steel Stand for Huawei Watch", "HS"), Map.of());
        assertTrue(weight(strap, "watch") > 1, strap.analysis().terms().toString());
        assertTrue(weight(strap, SEARCH.terms("parts").get(0)) > 0, strap.analysis().terms().toString());
        assertEquals(0.5, weight(stand, "watch"), 1e-9);
        assertEquals(0, weight(stand, SEARCH.terms("parts").get(0)));
    }

    @Test
    void weighsTheLastWordsOfALongTitleBelowANoun() {
        ProductQuery shortTitle = analyse(ClassifyRequest.of("silicone kitchen spatula", "HS"), Map.of());
        ProductQuery longTitle = analyse(ClassifyRequest.of(
                "Silicone Spatula Heat Resistant Nonstick Scraper Baking Cooking Mixing 630Hz Option", "HS"), Map.of());
        assertEquals(2.0, weight(shortTitle, "spatula"), 1e-9);
        assertEquals(ProductQuery.LONG_NOUN, weight(longTitle, "option"), 1e-9, longTitle.analysis().terms().toString());
        assertEquals(1.0, weight(longTitle, "spatula"), 1e-9, "not a noun by position; a title word");
    }

    @Test
    void putsTheWordsAShorthandStandsForInItsPlace() {
        TariffVocabulary words = TariffVocabulary.of(List.of("cream", "mascara", "trouser", "trousseau"),
                new int[] {30, 4, 12, 1});
        ProductQuery q = ProductQuery.of(ClassifyRequest.of("rimmel mscr hyd crm trous", "HS"), SEARCH::terms,
                t -> List.of(), words::repair);
        assertTrue(weight(q, "mascara") > 0, q.analysis().terms().toString());
        assertTrue(weight(q, "cream") > 0, q.analysis().terms().toString());
        assertEquals(2.0, weight(q, "trouser"), 1e-9, "the cut last word is the noun it starts");
        assertEquals(0, weight(q, "crm"));
        assertEquals(1.0, weight(q, "rimmel"), 1e-9, "an unknown word with vowels stays as it is");
    }
}
