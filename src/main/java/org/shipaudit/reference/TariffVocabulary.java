package org.shipaudit.reference;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * The words the indexed tariff and curated texts use (their analysed terms, KStem keeps them words), with how many
 * lines use each: what lets the classifier read a customs form's shorthand. Parcel descriptions are typed into a
 * field of about 30 characters, so people drop vowels ("mscr" for mascara, "cntrl" for control) and the last word
 * is often cut ("wrap front trous"). A word the index does not know is read as the commonest known word it
 * abbreviates; a known word is never touched. Built once per index version from the term dictionary; immutable.
 */
final class TariffVocabulary {
    static final TariffVocabulary EMPTY = new TariffVocabulary(new String[0], new int[0], Map.of(), new String[0],
            new String[0]);
    /** At most this many words stand for a cut last word: its likeliest completions. */
    static final int MAX_COMPLETIONS = 2;
    /** A cut word shorter than this has too many completions to say anything ("hal", "cle"). */
    static final int MIN_CUT = 4;

    private final String[] words;
    /** The same words for the look-up every query word makes. */
    private final java.util.Set<String> known;
    private final int[] lines;
    private final Map<String, String> bySkeleton;
    private final String[] skeletons;
    private final String[] skeletonWords;

    private TariffVocabulary(String[] words, int[] lines, Map<String, String> bySkeleton, String[] skeletons,
                             String[] skeletonWords) {
        this.words = words;
        this.known = java.util.Set.of(words);
        this.lines = lines;
        this.bySkeleton = bySkeleton;
        this.skeletons = skeletons;
        this.skeletonWords = skeletonWords;
    }

    /** The vocabulary of the reader's {@link Fields#TEXT} field (tariff lines, curated terms). */
    static TariffVocabulary of(IndexReader reader) throws IOException {
        Terms terms = MultiTerms.getTerms(reader, Fields.TEXT);
        if (terms == null) {
            return EMPTY;
        }
        List<String> w = new ArrayList<>();
        List<Integer> df = new ArrayList<>();
        TermsEnum it = terms.iterator();
        for (BytesRef t = it.next(); t != null; t = it.next()) {
            w.add(t.utf8ToString());
            df.add(it.docFreq());
        }
        return of(w, df.stream().mapToInt(Integer::intValue).toArray());
    }

    /** From terms in ascending order and the number of lines using each (for tests and {@link #of(IndexReader)}). */
    static TariffVocabulary of(List<String> sortedTerms, int[] lineCounts) {
        String[] words = sortedTerms.toArray(String[]::new);
        Map<String, String> bySkeleton = new HashMap<>();
        Map<String, Integer> best = new HashMap<>();
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            // Only plain words of some length carry a shorthand worth reading; "pvc" or "3d" are their own form.
            if (word.length() < 4 || !plain(word)) {
                continue;
            }
            String s = skeleton(word);
            if (s.length() >= 3 && lineCounts[i] > best.getOrDefault(s, 0)) {
                best.put(s, lineCounts[i]);
                bySkeleton.put(s, word);
            }
        }
        String[] skeletons = bySkeleton.keySet().stream().sorted().toArray(String[]::new);
        String[] skeletonWords = Arrays.stream(skeletons).map(bySkeleton::get).toArray(String[]::new);
        return new TariffVocabulary(words, lineCounts, Map.copyOf(bySkeleton), skeletons, skeletonWords);
    }

    int size() {
        return words.length;
    }

    /** True when some indexed line uses the term. */
    boolean known(String term) {
        return known.contains(term);
    }

    /**
     * The known words an unknown term stands for, empty when it is known or nothing fits. A term written without
     * vowels after its first letter is read as the commonest word with those consonants ("crm" cream, "mscr"
     * mascara; from 4 consonants also as the start of one: "mstr" moisturiser). When {@code mayBeCut} (the last word
     * of a description, which the form's field length may have cut), a term of at least {@value #MIN_CUT} letters is
     * also read as the start of the commonest words it begins ("trous" trouser).
     */
    List<String> repair(String term, boolean mayBeCut) {
        if (term.length() < 3 || !plain(term) || known(term)) {
            return List.of();
        }
        List<String> out = new ArrayList<>(MAX_COMPLETIONS + 1);
        if (skeleton(term).equals(term)) {
            String whole = bySkeleton.get(term);
            if (whole != null) {
                out.add(whole);
            } else if (term.length() >= 4) {
                commonestStartingWith(skeletons, term, 1).forEach(i -> out.add(skeletonWords[i]));
            }
        }
        if (mayBeCut && term.length() >= MIN_CUT && out.isEmpty()) {
            commonestStartingWith(words, term, MAX_COMPLETIONS).forEach(i -> out.add(words[i]));
        }
        return out;
    }

    /** Indexes into {@code sorted} of the entries starting with {@code prefix}, the most used first, at most n. */
    private List<Integer> commonestStartingWith(String[] sorted, String prefix, int n) {
        int from = Arrays.binarySearch(sorted, prefix);
        from = from < 0 ? -from - 1 : from;
        List<Integer> found = new ArrayList<>();
        for (int i = from; i < sorted.length && sorted[i].startsWith(prefix); i++) {
            found.add(i);
        }
        if (sorted == words) {
            found.sort(Comparator.comparingInt((Integer i) -> lines[i]).reversed());
        } else {
            found.sort(Comparator.comparingInt((Integer i) -> lineCount(skeletonWords[i])).reversed());
        }
        return found.subList(0, Math.min(n, found.size()));
    }

    private int lineCount(String word) {
        int i = Arrays.binarySearch(words, word);
        return i < 0 ? 0 : lines[i];
    }

    /** Only the letters a to z. */
    private static boolean plain(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return true;
    }

    /** The first letter and the other consonants, doubled letters once: "mascara" -> "mscr", "dress" -> "drs". */
    static String skeleton(String word) {
        StringBuilder s = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (i > 0 && "aeiou".indexOf(c) >= 0) {
                continue;
            }
            if (s.length() > 0 && s.charAt(s.length() - 1) == c) {
                continue;
            }
            s.append(c);
        }
        return s.toString();
    }
}
