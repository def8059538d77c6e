package org.shipaudit.reference;

import java.io.Reader;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Analyzer for tariff and product language, used at index and query time alike.
 *
 * <p>Hyphenated words are kept both split and joined ("T-shirts" gives "t", "shirts" and "tshirts") so "tshirt",
 * "t-shirt" and "T shirt" all meet. English stop words and tariff noise words ("other", "articles", "nesoi",
 * "thereof") are dropped because they occur on thousands of lines and say nothing about the goods. KStem rather
 * than Porter: it conflates plurals and -ed forms without mangling words like "general" or "ceramic".
 */
final class TariffAnalyzer extends Analyzer {
    // "t-shirt" -> "t-shirt tshirt": the tokenizer then splits the first form and keeps the second whole.
    private static final Pattern HYPHENATED = Pattern.compile("\\b(\\p{L}+)-(\\p{L}+)\\b");
    // The HS and EU CN write British English, HTSUS and shoppers mostly American: fold the common pairs.
    private static final NormalizeCharMap BRITISH = british();

    private static NormalizeCharMap british() {
        NormalizeCharMap.Builder b = new NormalizeCharMap.Builder();
        String[][] pairs = {{"jewellery", "jewelry"}, {"fibre", "fiber"}, {"colour", "color"},
                {"aluminium", "aluminum"}, {"tyre", "tire"}};
        for (String[] p : pairs) {
            b.add(p[0], p[1]);
            b.add(Character.toUpperCase(p[0].charAt(0)) + p[0].substring(1),
                    Character.toUpperCase(p[1].charAt(0)) + p[1].substring(1));
            b.add(p[0].toUpperCase(java.util.Locale.ROOT), p[1].toUpperCase(java.util.Locale.ROOT));
        }
        return b.build();
    }
    static final CharArraySet STOP_WORDS = stopWords();

    private static CharArraySet stopWords() {
        CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        set.addAll(Arrays.asList("other", "others", "article", "articles", "nesoi", "nes", "thereof", "therefor",
                "whether", "including", "include", "includes", "excluding", "kind", "kinds", "used", "similar",
                "etc", "put", "up", "form", "forms", "than", "more", "less", "over", "under", "described",
                "provided", "subheading", "heading", "chapter", "note", "goods", "products", "product", "type",
                "types", "principally", "chiefly", "solely", "wholly", "containing", "n.e.s", "nesi", "not",
                "elsewhere", "specified", "included", "within", "from", "certain", "having", "made", "value",
                "valued", "per", "each", "any", "which", "those", "these", "its", "their", "all"));
        return CharArraySet.unmodifiableSet(set);
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new MappingCharFilter(BRITISH, new PatternReplaceCharFilter(HYPHENATED, "$1-$2 $1$2", reader));
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        TokenStream s = new EnglishPossessiveFilter(tokenizer);
        s = new LowerCaseFilter(s);
        s = new ASCIIFoldingFilter(s);
        s = new StopFilter(s, STOP_WORDS);
        // Single letters ("t" of t-shirt, "a", "x") match everything that has them and nothing usefully.
        s = new LengthFilter(s, 2, 64);
        s = new KStemFilter(s);
        return new TokenStreamComponents(tokenizer, s);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
}
