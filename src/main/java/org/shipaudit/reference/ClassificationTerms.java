package org.shipaudit.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The small curated vocabularies the classifier holds in memory: the UK search's synonyms (one word to the words
 * it may also mean) and HMRC's too-vague descriptions. Built from the index when it opens or changes; immutable.
 *
 * <p>Only one-word synonyms are kept, and only from groups of at most {@value #MAX_GROUP} words: the file mixes
 * tariff vocabulary ("earphones, headphones") with thesaurus lines of many loosely related words, which would
 * drag a query anywhere.
 */
final class ClassificationTerms {
    static final ClassificationTerms EMPTY = new ClassificationTerms(Map.of(), Set.of(), TariffVocabulary.EMPTY);
    static final int MAX_GROUP = 6;
    private static final int MAX_EXPANSIONS = 4;
    /** A description HMRC lists as vague; {@code saidTooGeneric} when its guidance says so in words. */
    record Vague(String text, boolean saidTooGeneric) {
    }

    /** A word on fewer tariff lines than this is rare enough in tariff language to be worth a synonym. */
    static final int RARE = 5;

    private final Map<String, List<String>> synonyms;
    private final Set<String> vague;
    private final TariffVocabulary vocabulary;

    private ClassificationTerms(Map<String, List<String>> synonyms, Set<String> vague, TariffVocabulary vocabulary) {
        this.synonyms = synonyms;
        this.vague = vague;
        this.vocabulary = vocabulary;
    }

    /** These vocabularies with the index's words beside them (to read shorthand). */
    ClassificationTerms with(TariffVocabulary words) {
        return new ClassificationTerms(synonyms, vague, words);
    }

    /** The words of the index, for reading a description's shorthand ({@link TariffVocabulary#repair}). */
    TariffVocabulary vocabulary() {
        return vocabulary;
    }

    /**
     * From the synonym lines ({@code a, b, c} or {@code x => y}) and vague descriptions read from the index;
     * {@code terms} analyses a word the way the index does (one word may give no term).
     */
    static ClassificationTerms of(List<String> synonymLines, List<Vague> vagueDescriptions,
                                  java.util.function.Function<String, List<String>> terms,
                                  java.util.function.ToIntFunction<String> tariffLines) {
        Map<String, Set<String>> map = new HashMap<>();
        for (String line : synonymLines) {
            int arrow = line.indexOf("=>");
            if (arrow >= 0) {
                List<String> from = terms.apply(line.substring(0, arrow));
                List<String> to = terms.apply(line.substring(arrow + 2));
                if (from.size() == 1 && !to.isEmpty() && to.size() <= 2) {
                    map.computeIfAbsent(from.get(0), k -> new LinkedHashSet<>()).addAll(to);
                }
                continue;
            }
            String[] parts = line.split(",");
            if (parts.length > MAX_GROUP) {
                continue;
            }
            List<String> words = new ArrayList<>();
            for (String p : parts) {
                List<String> t = terms.apply(p);
                if (t.size() == 1) {
                    words.add(t.get(0));
                }
            }
            for (String w : words) {
                for (String other : words) {
                    if (!other.equals(w)) {
                        map.computeIfAbsent(w, k -> new LinkedHashSet<>()).add(other);
                    }
                }
            }
        }
        Map<String, List<String>> out = new HashMap<>();
        map.forEach((k, v) -> {
            v.remove(k);
            // A synonym is a bridge from a word the tariff rarely uses to one it uses ("earbuds" -> "earphones");
            // between two words it does not use, or from a word it already uses, it only adds noise.
            if (tariffLines.applyAsInt(k) >= RARE) {
                return;
            }
            List<String> useful = v.stream().filter(w -> tariffLines.applyAsInt(w) > 0).limit(MAX_EXPANSIONS).toList();
            if (!useful.isEmpty()) {
                out.put(k, useful);
            }
        });
        Set<String> vagueSet = new HashSet<>();
        for (Vague v : vagueDescriptions) {
            String n = normalize(v.text());
            // HMRC's list also holds descriptions its search could not place although they name goods ("adapter",
            // "4 tier cloth airer - grey"): those are classified. A listed description is vague here when the
            // guidance says it is too generic, or when no word of it is tariff language (brands, typos, "£5"), nor
            // a synonym or shopping word the classifier turns into tariff language ("sneakers": sports footwear).
            if (!n.isEmpty() && (v.saidTooGeneric() || (!shoppingWords(n)
                    && terms.apply(v.text().replace('_', ' ')).stream()
                    .allMatch(t -> tariffLines.applyAsInt(t) == 0 && !out.containsKey(t))))) {
                vagueSet.add(n);
            }
        }
        return new ClassificationTerms(Map.copyOf(out), Set.copyOf(vagueSet), TariffVocabulary.EMPTY);
    }

    /** True when the normalised description holds one of {@link TariffSearch#expansions()}' shopping phrases. */
    private static boolean shoppingWords(String normalized) {
        String padded = " " + normalized + " ";
        return TariffSearch.expansions().keySet().stream().anyMatch(k -> padded.contains(" " + k + " "));
    }

    /** The words a term may also mean, at most a few; empty when none. */
    List<String> synonyms(String term) {
        return synonyms.getOrDefault(term, List.of());
    }

    /** True when HMRC lists this description (case, punctuation and spacing aside) as too vague to classify. */
    boolean isVague(String description) {
        return vague.contains(normalize(description));
    }

    int synonymCount() {
        return synonyms.size();
    }

    int vagueCount() {
        return vague.size();
    }

    /** Lower case, letters and digits only, single spaces: how descriptions are compared. */
    static String normalize(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }
}
