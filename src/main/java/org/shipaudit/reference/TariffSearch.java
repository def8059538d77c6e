package org.shipaudit.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;

/**
 * Builds tariff text queries and turns hits into {@link TariffLine}s.
 *
 * <p>Each query word must be found in the line's own text or, weighted {@value #PATH_WEIGHT}, in its ancestors'
 * text ("Other" alone means nothing; its heading says what it is). About a third of the words (at least one) may be
 * missing, and a line with all of them gets a bonus. A few shopping words that tariffs never use stand for a group
 * of the tariff's own words (laptop -> portable automatic data processing machine). When nothing matches, a second
 * try accepts any one word. Thread-safe: the analyzer reuses per-thread token streams.
 */
final class TariffSearch {
    static final float PATH_WEIGHT = 0.45f;
    /** Extra weight of a line that has every query word: BM25 alone lets a short line with one word win. */
    private static final float ALL_WORDS_BONUS = 0.5f;
    /**
     * Shopping words and the tariff's words for the same goods. Each value is one group of words that must all
     * match ("laptop" is what the tariff calls a portable automatic data processing machine).
     */
    private static final Map<String, String> EXPANSIONS = Map.ofEntries(
            Map.entry("laptop", "portable automatic data processing machines"),
            Map.entry("notebook computer", "portable automatic data processing machines"),
            Map.entry("computer", "automatic data processing machines"),
            Map.entry("tablet", "portable automatic data processing machines"),
            Map.entry("phone", "telephones"),
            Map.entry("cellphone", "telephones cellular networks"),
            Map.entry("mobile phone", "telephones cellular networks"),
            Map.entry("earbuds", "earphones"),
            Map.entry("earbud", "earphones"),
            Map.entry("sneakers", "sports footwear"),
            Map.entry("sneaker", "sports footwear"),
            Map.entry("shoes", "footwear"),
            Map.entry("cologne", "toilet waters"),
            Map.entry("tv", "television receivers"),
            Map.entry("hoodie", "sweatshirts"),
            Map.entry("jeans", "denim trousers"),
            Map.entry("power bank", "lithium-ion"),
            Map.entry("battery", "accumulators"),
            Map.entry("batteries", "accumulators"),
            Map.entry("water bottle", "bottles flasks"),
            Map.entry("mug", "tableware kitchenware"),
            Map.entry("plush", "stuffed toys"),
            Map.entry("necklace", "jewelry"),
            // Everyday shop nouns the HS never uses, with the HS words for the same goods.
            Map.entry("cap", "hats headgear"),
            Map.entry("hat", "hats headgear"),
            Map.entry("beanie", "hats headgear"),
            Map.entry("sweatshirt", "jerseys pullovers"),
            Map.entry("sweater", "jerseys pullovers"),
            Map.entry("jumper", "jerseys pullovers"),
            Map.entry("cardigan", "jerseys pullovers cardigans"),
            Map.entry("scarf", "shawls scarves"),
            Map.entry("wallet", "wallets purses"),
            Map.entry("backpack", "rucksacks"),
            Map.entry("yoga mat", "physical exercise gymnastics"),
            Map.entry("exercise mat", "physical exercise gymnastics"),
            Map.entry("dumbbell", "physical exercise gymnastics"),
            Map.entry("book", "printed books"),
            Map.entry("novel", "printed books"),
            Map.entry("paperback", "printed books"),
            Map.entry("nail polish", "manicure preparations"),
            Map.entry("nail varnish", "manicure preparations"),
            Map.entry("moisturising", "preparations care skin"),
            Map.entry("moisturizing", "preparations care skin"),
            Map.entry("moisturiser", "preparations care skin"),
            Map.entry("moisturizer", "preparations care skin"),
            Map.entry("lotion", "preparations care skin"),
            Map.entry("serum", "preparations care skin"),
            Map.entry("food storage", "kitchenware plastics"),
            Map.entry("hose", "tubes pipes hoses"),
            Map.entry("air rifle", "air gas guns"),
            Map.entry("air gun", "air gas guns"),
            Map.entry("chair", "seats"),
            Map.entry("sofa", "seats"),
            Map.entry("stool", "seats"),
            Map.entry("lamp", "luminaires lighting fittings"),
            Map.entry("towel", "toilet linen"),
            Map.entry("e bike", "cycles auxiliary motor"),
            Map.entry("electric bicycle", "cycles auxiliary motor"),
            Map.entry("drone", "unmanned aircraft"),
            Map.entry("electric toothbrush", "electro mechanical domestic appliances"),
            Map.entry("vase", "indoor decoration"),
            Map.entry("cordless", "tools working hand self contained electric motor"),
            Map.entry("charger", "static converters"),
            Map.entry("alkaline", "primary cells"),
            Map.entry("dog collar", "harness animal"),
            Map.entry("leash", "harness animal"));

    /**
     * BM25 with less length normalisation on the path text: a long heading ("Trunks, suitcases, ... handbags, ...")
     * is as much about each of its goods as a short one, and its descendants should not pay for its length.
     */
    static final Similarity SIMILARITY = new PerFieldSimilarityWrapper() {
        private final Similarity lines = new BM25Similarity();
        private final Similarity paths = new BM25Similarity(1.2f, 0.3f);

        @Override
        public Similarity get(String field) {
            return Fields.PATH_TEXT.equals(field) ? paths : lines;
        }
    };

    private final Analyzer analyzer = new TariffAnalyzer();

    /** The shopping phrases and the tariff's words for them, for the classifier's query expansion. */
    static Map<String, String> expansions() {
        return EXPANSIONS;
    }

    /** The query for this text in this schedule, or null when no searchable word is left. */
    Query query(String text, String schedule) {
        return query(text, schedule, false);
    }

    /**
     * As {@link #query(String, String)}; {@code relaxed} asks for any one word instead of about two thirds of
     * them, for a second try when the strict query finds nothing.
     */
    Query query(String text, String schedule, boolean relaxed) {
        List<String> terms = terms(text);
        if (terms.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        for (String t : terms) {
            words.add(word(t), BooleanClause.Occur.SHOULD);
        }
        String padded = " " + text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ") + " ";
        for (Map.Entry<String, String> e : EXPANSIONS.entrySet()) {
            if (padded.contains(" " + e.getKey() + " ")) {
                // A group stands in for the shopping word: it counts as one matched word, like the word itself.
                words.add(all(terms(e.getValue()), 1f), BooleanClause.Occur.SHOULD);
            }
        }
        int n = terms.size();
        if (n >= 2) {
            words.add(all(terms, ALL_WORDS_BONUS), BooleanClause.Occur.SHOULD);
        }
        // Shoppers use words no tariff uses ("stainless steel water bottle"): about a third may go unmatched.
        words.setMinimumNumberShouldMatch(relaxed ? 1 : Math.max(1, n - Math.max(1, n / 3)));
        return new BooleanQuery.Builder()
                .add(words.build(), BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_TARIFF)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(Fields.SCHEDULE, schedule)), BooleanClause.Occur.FILTER)
                .build();
    }

    private static Query all(List<String> terms, float boost) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String t : terms) {
            b.add(word(t), BooleanClause.Occur.MUST);
        }
        return new BoostQuery(b.build(), boost);
    }

    private static Query word(String t) {
        Query own = new TermQuery(new Term(Fields.TEXT, t));
        Query path = new BoostQuery(new TermQuery(new Term(Fields.PATH_TEXT, t)), PATH_WEIGHT);
        return new DisjunctionMaxQuery(List.of(own, path), 0.1f);
    }

    List<String> terms(String text) {
        Set<String> out = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream(Fields.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(out);
    }

    static TariffLine line(Payload d, float score) {
        return new TariffLine(d.get(Fields.SCHEDULE), d.get(TariffDocs.CODE), d.get(TariffDocs.DESCRIPTION),
                d.getInt(TariffDocs.LEVEL, 0),
                ReferenceIndex.list(d.get(TariffDocs.PATH)), d.get(TariffDocs.PARENT),
                d.get(TariffDocs.DUTY_GENERAL), d.get(TariffDocs.DUTY_SPECIAL), d.get(TariffDocs.DUTY_COLUMN2),
                ReferenceIndex.list(d.get(TariffDocs.UNITS)), score);
    }
}
