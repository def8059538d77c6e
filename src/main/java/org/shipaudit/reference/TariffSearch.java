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

/**
 * Builds tariff text queries and turns hits into {@link TariffLine}s.
 *
 * <p>Each query word must be found in the line's own text or, weighted {@value #PATH_WEIGHT}, in its ancestors'
 * text ("Other" alone means nothing; its heading says what it is). About a third of the words (at least one) may be
 * missing. A few shopping words that tariffs never use are expanded to the tariff's own words (laptop ->
 * portable automatic data processing machine). Thread-safe: the analyzer reuses per-thread token streams.
 */
final class TariffSearch {
    static final float PATH_WEIGHT = 0.45f;
    private static final float EXPANSION_WEIGHT = 0.8f;
    private static final Map<String, String> EXPANSIONS = Map.ofEntries(
            Map.entry("laptop", "portable automatic data processing machines"),
            Map.entry("notebook", "portable automatic data processing machines"),
            Map.entry("computer", "automatic data processing machines"),
            Map.entry("smartphone", "telephones cellular networks"),
            Map.entry("phone", "telephones"),
            Map.entry("cellphone", "telephones cellular networks"),
            Map.entry("mug", "mugs cups"),
            Map.entry("handbag", "handbags"),
            Map.entry("purse", "handbags"),
            Map.entry("sneaker", "footwear"),
            Map.entry("sneakers", "footwear"),
            Map.entry("shoes", "footwear"),
            Map.entry("perfume", "perfumes"),
            Map.entry("cologne", "perfumes toilet waters"),
            Map.entry("tv", "television"),
            Map.entry("headphones", "headphones earphones"),
            Map.entry("earbuds", "earphones"),
            Map.entry("hoodie", "sweatshirts pullovers"),
            Map.entry("jeans", "trousers denim"),
            Map.entry("toy", "toys"),
            Map.entry("battery", "batteries accumulators"));

    private final Analyzer analyzer = new TariffAnalyzer();

    /** The query for this text in this schedule, or null when no searchable word is left. */
    Query query(String text, String schedule) {
        List<String> terms = terms(text);
        if (terms.isEmpty()) {
            return null;
        }
        Set<String> expansion = new LinkedHashSet<>();
        for (String raw : text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}-]+")) {
            String e = EXPANSIONS.get(raw);
            if (e != null) {
                expansion.addAll(terms(e));
            }
        }
        expansion.removeAll(terms);
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        for (String t : terms) {
            words.add(word(t, 1f), BooleanClause.Occur.SHOULD);
        }
        for (String t : expansion) {
            words.add(word(t, EXPANSION_WEIGHT), BooleanClause.Occur.SHOULD);
        }
        int n = terms.size();
        // Shoppers use words no tariff uses ("plush"): let about a third of the words (at least one) go unmatched.
        words.setMinimumNumberShouldMatch(Math.max(1, n - Math.max(1, n / 3)));
        return new BooleanQuery.Builder()
                .add(words.build(), BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_TARIFF)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(Fields.SCHEDULE, schedule)), BooleanClause.Occur.FILTER)
                .build();
    }

    private static Query word(String t, float weight) {
        Query own = new TermQuery(new Term(Fields.TEXT, t));
        Query path = new BoostQuery(new TermQuery(new Term(Fields.PATH_TEXT, t)), PATH_WEIGHT);
        Query q = new DisjunctionMaxQuery(List.of(own, path), 0.1f);
        return weight == 1f ? q : new BoostQuery(q, weight);
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
