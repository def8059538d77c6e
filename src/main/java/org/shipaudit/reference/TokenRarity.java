package org.shipaudit.reference;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.shipaudit.reference.screening.NameScorer;

/**
 * How rare each name token is across the loaded lists (its document frequency among the listed names), read once
 * per index reader from the term dictionary: a name that matches on "mohammad" and "ali", which hundreds of listed
 * names share, is weaker evidence than one that matches on "bout". Rebuilt when the reader changes (a list import),
 * which costs a few milliseconds; between imports a look-up is one hash probe. Thread-safe.
 */
final class TokenRarity implements NameScorer.Rarity {
    private static volatile TokenRarity current;

    private final Object readerKey;
    private final Map<String, Integer> documentFrequency;
    private final double logDocuments;

    private TokenRarity(Object readerKey, Map<String, Integer> df, int documents) {
        this.readerKey = readerKey;
        this.documentFrequency = df;
        this.logDocuments = Math.log(Math.max(2, documents));
    }

    /** The rarity of the tokens in this reader (built on the first call after the reader changed). */
    static TokenRarity of(IndexReader reader) throws IOException {
        Object key = reader.getReaderCacheHelper() == null ? reader : reader.getReaderCacheHelper().getKey();
        TokenRarity r = current;
        if (r != null && r.readerKey == key) {
            return r;
        }
        synchronized (TokenRarity.class) {
            r = current;
            if (r != null && r.readerKey == key) {
                return r;
            }
            Map<String, Integer> df = new HashMap<>();
            Terms terms = MultiTerms.getTerms(reader, ScreeningDocs.TOKENS);
            if (terms != null) {
                TermsEnum it = terms.iterator();
                for (BytesRef t = it.next(); t != null; t = it.next()) {
                    df.put(t.utf8ToString(), it.docFreq());
                }
            }
            int documents = reader.docFreq(new Term(Fields.KIND, Fields.KIND_SCREENING));
            r = new TokenRarity(key, df, documents);
            current = r;
            return r;
        }
    }

    /**
     * 1 for a token no listed name (or one) has, falling with the log of how many names have it (inverse document
     * frequency scaled to the list size), never below {@link NameScorer#MIN_RARITY}.
     */
    @Override
    public double of(String token) {
        Integer df = documentFrequency.get(token);
        if (df == null || df <= 1) {
            return 1;
        }
        return Math.max(NameScorer.MIN_RARITY, Math.min(1, Math.log((double) Math.exp(logDocuments) / df) / logDocuments));
    }
}
