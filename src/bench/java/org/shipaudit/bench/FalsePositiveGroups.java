package org.shipaudit.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.shipaudit.reference.screening.NameNormalizer;
import org.shipaudit.reference.screening.NameScorer;
import org.shipaudit.reference.screening.NormalizedName;
import org.shipaudit.reference.screening.PhoneticKeys;
import org.shipaudit.reference.screening.ScreeningHit;
import org.shipaudit.reference.screening.SpellingFold;

/**
 * The ordinary names flagged at the operating threshold, grouped by why they matched, so a scorer change can aim at
 * the largest group. Each flagged name goes to the first group that describes it, in the order of {@link Reason}
 * (the most specific first). The reasons are read from the match itself (the tokens paired, their rarity across
 * the lists, the words the normaliser dropped), never from the name's origin.
 */
final class FalsePositiveGroups {
    /** Why an ordinary name matched a listed one. */
    enum Reason {
        /** Same tokens as the listed name (any order): no name-only screener can clear it. */
        IDENTICAL,
        /**
         * The listed name spelt another way: the same tokens under the transliteration fold ("Mohammed Al-Otaibi",
         * "AL-OTAIBI, Mohammad"; "Hossein Mousavi", "MUSAVI, Hossein"), or its given name and surname alone, the
         * variants the bench itself counts as the listed name. A screener that finds those variants flags these.
         */
        SPELT_ANOTHER_WAY,
        /** A title the normaliser drops ("Sheikh", "Haji") stood in the name, as a surname perhaps. */
        TITLE_DROPPED,
        /** The listed name is one token: any name holding it (or a near spelling) covers it. */
        ONE_TOKEN_LISTED,
        /** A lone initial paired with a name it begins. */
        LONE_INITIAL,
        /** The match is on a weak alias. */
        WEAK_ALIAS,
        /** Every query token paired exactly; the listed name has more (a middle name left out). */
        LISTED_WORDS_LEFT_OUT,
        /** Every paired listed token is common across the lists (rarity at most {@link #COMMON}). */
        COMMON_TOKENS_ONLY,
        /** One token exact, another only near. */
        ONE_EXACT_ONE_NEAR,
        /** Query words the listed name does not have. */
        EXTRA_QUERY_WORDS,
        OTHER
    }

    /** A token at or under this rarity is shared by many listed names ("ali", "mohammad", "trading"). */
    static final double COMMON = 0.6;

    private record Flagged(double score, OrdinaryNames.Ordinary name, ScreeningHit hit, String pairs) {
    }

    private final NameScorer.Rarity rarity;
    private final Map<Reason, List<Flagged>> groups = new EnumMap<>(Reason.class);

    FalsePositiveGroups(NameScorer.Rarity rarity) {
        this.rarity = rarity;
    }

    void add(OrdinaryNames.Ordinary o, ScreeningHit top) {
        NormalizedName q = NameNormalizer.normalize(o.name(), org.shipaudit.reference.screening.NameForm.UNKNOWN);
        NormalizedName c = NameNormalizer.normalize(top.matchedName(), top.type().form());
        NameScorer.Score s = NameScorer.score(q, keys(q), c, keys(c), null, rarity);
        List<NameScorer.Pair> pairs = s.pairList();
        StringBuilder shown = new StringBuilder();
        for (NameScorer.Pair p : pairs) {
            shown.append(shown.length() == 0 ? "" : ", ").append(p).append(String.format(Locale.ROOT, " r%.2f",
                    rarity.of(p.listed())));
        }
        groups.computeIfAbsent(reason(o.name(), q, c, pairs, top), r -> new ArrayList<>())
                .add(new Flagged(top.score(), o, top, shown.toString()));
    }

    private Reason reason(String raw, NormalizedName q, NormalizedName c, List<NameScorer.Pair> pairs, ScreeningHit top) {
        if (q.tokens().stream().sorted().toList().equals(c.tokens().stream().sorted().toList())) {
            return Reason.IDENTICAL;
        }
        List<String> folded = sortedFolds(q.tokens());
        List<String> listedCore = new ArrayList<>();
        for (int j = 0; j < c.tokens().size(); j++) {
            if (c.core().get(j)) {
                listedCore.add(c.tokens().get(j));
            }
        }
        if (folded.equals(sortedFolds(c.tokens())) || folded.equals(sortedFolds(listedCore))) {
            return Reason.SPELT_ANOTHER_WAY;
        }
        if (NameNormalizer.foldedWords(raw).stream().anyMatch(w -> NameNormalizer.isTitle(w) && !q.tokens().contains(w))) {
            return Reason.TITLE_DROPPED;
        }
        if (c.tokens().size() == 1) {
            return Reason.ONE_TOKEN_LISTED;
        }
        if (pairs.stream().anyMatch(p -> p.query().length() == 1 || p.listed().length() == 1)) {
            return Reason.LONE_INITIAL;
        }
        if (top.weakAlias()) {
            return Reason.WEAK_ALIAS;
        }
        boolean allExact = pairs.size() == q.tokens().size() && pairs.stream().allMatch(p -> p.similarity() >= 0.99);
        if (allExact && c.tokens().size() > q.tokens().size()) {
            return Reason.LISTED_WORDS_LEFT_OUT;
        }
        if (!pairs.isEmpty() && pairs.stream().allMatch(p -> rarity.of(p.listed()) <= COMMON)) {
            return Reason.COMMON_TOKENS_ONLY;
        }
        if (pairs.stream().anyMatch(p -> p.similarity() >= 0.99) && pairs.stream().anyMatch(p -> p.similarity() < 0.99)) {
            return Reason.ONE_EXACT_ONE_NEAR;
        }
        if (pairs.size() < q.tokens().size()) {
            return Reason.EXTRA_QUERY_WORDS;
        }
        return Reason.OTHER;
    }

    private static List<String> sortedFolds(List<String> tokens) {
        return tokens.stream().map(SpellingFold::of).sorted().toList();
    }

    private static List<java.util.Set<String>> keys(NormalizedName n) {
        List<java.util.Set<String>> out = new ArrayList<>(n.tokens().size());
        n.tokens().forEach(t -> out.add(PhoneticKeys.of(t)));
        return out;
    }

    /** The groups, largest first, with counts by origin and by person or company, then every flagged name. */
    void print(PrintWriter out, double threshold, int negatives) {
        int total = groups.values().stream().mapToInt(List::size).sum();
        out.printf(Locale.ROOT, "false positives at %.2f: %d of %,d ordinary names, by reason:%n", threshold, total,
                negatives);
        List<Map.Entry<Reason, List<Flagged>>> sorted = new ArrayList<>(groups.entrySet());
        sorted.sort((a, b) -> b.getValue().size() - a.getValue().size());
        for (Map.Entry<Reason, List<Flagged>> g : sorted) {
            Map<OrdinaryNames.Origin, Integer> byOrigin = new EnumMap<>(OrdinaryNames.Origin.class);
            int companies = 0;
            for (Flagged f : g.getValue()) {
                byOrigin.merge(f.name().origin(), 1, Integer::sum);
                companies += f.name().company() ? 1 : 0;
            }
            out.printf(Locale.ROOT, "  %-22s %4d (%.2f %%)  people %d, companies %d; %s%n", g.getKey(),
                    g.getValue().size(), 100.0 * g.getValue().size() / negatives, g.getValue().size() - companies,
                    companies, byOrigin);
        }
        for (Map.Entry<Reason, List<Flagged>> g : sorted) {
            out.println("  -- " + g.getKey());
            g.getValue().stream().sorted((a, b) -> Double.compare(b.score(), a.score())).forEach(f -> out.printf(
                    Locale.ROOT, "    %.3f %-18s %-40s ~ %s %s '%s' [%s] %s%n", f.score(), f.name().origin(),
                    f.name().name(), f.hit().list(), f.hit().entryId(), f.hit().matchedName(), f.pairs(),
                    String.join("; ", f.hit().reasons().subList(1, f.hit().reasons().size()))));
        }
        out.flush();
    }
}
