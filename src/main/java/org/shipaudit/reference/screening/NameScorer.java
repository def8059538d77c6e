package org.shipaudit.reference.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Scores how well a screened name matches one listed name, from 0 to 1, token by token.
 *
 * <p>Each query token is paired with at most one listed token, best pairs first (so word order does not matter);
 * a pair's similarity is Jaro-Winkler, checked against the count of typing slips between the two words (so two
 * different names of the same shape, "Andersson" and "Andoson", do not pass for a typo), raised towards
 * {@value #PHONETIC} when the two share a Double Metaphone key (transliterations), and a lone initial matches a name
 * it begins. Each token weighs by its letters times its {@link Rarity rarity} across the lists, so a match on
 * tokens hundreds of listed names share ("mohammad", "ali") counts less than a match on a rare one. The score is the
 * weighted share of the query that was matched, times how much of the listed name's core was covered: a query that
 * adds words the entry does not have, or misses its surname, falls; a missing middle name costs
 * {@value #MISSING_MIDDLE}, more when the match rests on tokens many listed names share ({@link #COMMON_MIDDLE}).
 * A listed initial explains only an initial's worth of the query word it pairs with. Names written together or apart ("Abdulrahman", "Abdul Rahman") are also compared as one
 * string. Another first letter ("Amal"/"Kamal") and the feminine or descent ending ("Samir"/"Samira",
 * "Karam"/"Karami") mark another name, not a misspelt one ({@link #ONSET}, {@link #inflected}).
 * Thread-safe, no allocation beyond a small matrix.
 */
public final class NameScorer {
    /** Similarity given to two tokens that sound alike but are spelt apart ("Qasem", "Kasem"). */
    static final double PHONETIC = 0.90;
    /** Below this a pair is not a match at all. */
    static final double PAIR_FLOOR = 0.78;
    /** Cost of each listed middle name the query does not give. */
    static final double MISSING_MIDDLE = 0.02;
    /** How much of the score rests on covering the listed name's core (the rest on matching the query's words). */
    static final double CORE_WEIGHT = 0.4;
    /** Similarity of an initial to a name it begins ("J" and "John"). */
    static final double INITIAL = 0.85;
    /** The weight of the most common token relative to a unique one. */
    public static final double MIN_RARITY = 0.3;
    /** Taken off a pair's similarity for each typing slip past what a word of its length plausibly carries. */
    static final double SLIP_PENALTY = 0.06;
    /** Taken off a pair of words of four letters or fewer that differ at all. */
    static final double SHORT_SLIP = 0.06;
    /** Similarity of two spellings of one word under {@link SpellingFold} ("qods", "kods"; "steel", "stil"). */
    static final double FOLDED = 0.95;
    /**
     * Pairs less alike than this are two different names more often than one name misspelt ("hamid"/"ghamdi",
     * "mariam"/"marwan"): each point below it costs {@link #STEEP} points more, so such a pair beside an exact one
     * no longer makes a near match of two ordinary names.
     */
    static final double KNEE = 0.90;
    static final double STEEP = 1.0;
    /** A pair the steep fall takes under this is no pair (see {@link #steep}). */
    static final double STEEP_FLOOR = 0.85;
    /**
     * A match on tokens the lists share widely is weaker evidence: past this commonness (0 when every matched token
     * is rare, 1 when every one is as common as "ali"), each listed middle name left out costs up to
     * {@link #COMMON_MIDDLE} more. "Ali Saleh" for "SALEH, Ali Mohamad" rests on two names hundreds of listed
     * people share, "Viktor Bout" for "BOUT, Viktor Anatolijevitch" on a surname few have.
     */
    static final double COMMONNESS_FREE = 0.3;
    static final double COMMON_MIDDLE = 0.15;
    /** Sound counts from words of this length: the keys of shorter words are one or two consonants. */
    static final int SOUND_FROM = 5;
    /**
     * Taken off a pair whose first letters differ (beyond the letters romanisations swap, {@link #sameOnset}): a
     * slip in the first letter is the rarest there is, while a changed or added first letter is how many names
     * differ ("Amal"/"Kamal", "Nasser"/"Yasser", "Umar"/"Kumar", "Hashemi"/"Ghasemi"). What it takes under
     * {@link #STEEP_FLOOR} is no pair; a long word keeps its pair ("Buznetsov" for "Kuznetsov" 0.87).
     */
    static final double ONSET = 0.06;
    /** Below this raw Jaro-Winkler (and no shared sound) a pair is far from one whatever the slips. */
    static final double FAR = 0.68;

    /** How rare a token is across the loaded lists: 1 for a token few names have, down to {@link #MIN_RARITY}. */
    @FunctionalInterface
    public interface Rarity {
        /** Every token alike (no index at hand, as in unit tests of the normaliser). */
        Rarity NONE = t -> 1;

        double of(String token);
    }

    private NameScorer() {
    }

    /**
     * A score and the token pairs behind it ("bout=bout 1.00"). The pairs are formatted only when asked for: most
     * scored candidates are never shown, and formatting them cost more than scoring them.
     */
    public static final class Score {
        private final double value;
        private final List<String> from;
        private final List<String> to;
        private final double[] sims;

        Score(double value, List<String> from, List<String> to, double[] sims) {
            this.value = value;
            this.from = from;
            this.to = to;
            this.sims = sims;
        }

        public double value() {
            return value;
        }

        public List<String> pairs() {
            List<String> out = new ArrayList<>(from.size());
            for (Pair p : pairList()) {
                out.add(p.toString());
            }
            return out;
        }

        /** The token pairs behind the score, for analysing matches ({@code bench screening} groups them). */
        public List<Pair> pairList() {
            List<Pair> out = new ArrayList<>(from.size());
            for (int i = 0; i < from.size(); i++) {
                out.add(new Pair(from.get(i), to.get(i), sims[i]));
            }
            return out;
        }
    }

    /** A query token paired with a listed token, and how alike the two are (0..1). */
    public record Pair(String query, String listed, double similarity) {
        @Override
        public String toString() {
            return query + "=" + listed + String.format(java.util.Locale.ROOT, " %.2f", similarity);
        }
    }

    /** As {@link #score(NormalizedName, List, NormalizedName, List, java.util.Map, Rarity)}, every token alike. */
    public static Score score(NormalizedName query, List<Set<String>> queryKeys, NormalizedName listed,
                              List<Set<String>> listedKeys) {
        return score(query, queryKeys, listed, listedKeys, null, Rarity.NONE);
    }

    /**
     * @param query      the screened name's tokens
     * @param queryKeys  the phonetic keys of each query token (same order)
     * @param listed     the listed name's tokens and core flags
     * @param listedKeys the phonetic keys of each listed token (same order)
     * @param memo       the similarities of each listed token to the query's tokens, kept across the candidates of
     *                   one query (they meet the same listed tokens, "mohammad", "trading", many times); may be null
     * @param rarity     how rare each token is across the lists
     */
    public static Score score(NormalizedName query, List<Set<String>> queryKeys, NormalizedName listed,
                              List<Set<String>> listedKeys, java.util.Map<String, double[]> memo, Rarity rarity) {
        List<String> q = query.tokens();
        List<String> c = listed.tokens();
        int n = q.size();
        int m = c.size();
        if (n == 0 || m == 0) {
            return new Score(0, List.of(), List.of(), new double[0]);
        }
        double[][] sim = new double[n][m];
        String[] folded = null; // the query's folded tokens, made once a listed token is not in the memo
        for (int j = 0; j < m; j++) {
            double[] col = memo == null ? null : memo.get(c.get(j));
            if (col == null) {
                if (folded == null) {
                    folded = new String[n];
                    for (int i = 0; i < n; i++) {
                        folded[i] = SpellingFold.of(q.get(i));
                    }
                }
                String listedFolded = SpellingFold.of(c.get(j));
                col = new double[n];
                for (int i = 0; i < n; i++) {
                    col[i] = pair(q.get(i), folded[i], queryKeys.get(i), c.get(j), listedFolded, listedKeys.get(j));
                }
                if (memo != null) {
                    memo.put(c.get(j), col);
                }
            }
            for (int i = 0; i < n; i++) {
                sim[i][j] = col[i];
            }
        }
        boolean[] usedQ = new boolean[n];
        boolean[] usedC = new boolean[m];
        int[] pairedWith = new int[n];
        double[] pairedSim = new double[n];
        List<String> pairFrom = new ArrayList<>(Math.min(n, m));
        List<String> pairTo = new ArrayList<>(Math.min(n, m));
        double[] pairSims = new double[Math.min(n, m)];
        for (int k = 0; k < Math.min(n, m); k++) {
            int bi = -1;
            int bj = -1;
            double best = PAIR_FLOOR;
            for (int i = 0; i < n; i++) {
                if (usedQ[i]) {
                    continue;
                }
                for (int j = 0; j < m; j++) {
                    if (!usedC[j] && sim[i][j] >= best && (bi < 0 || sim[i][j] > best)) {
                        best = sim[i][j];
                        bi = i;
                        bj = j;
                    }
                }
            }
            if (bi < 0) {
                break;
            }
            usedQ[bi] = true;
            usedC[bj] = true;
            pairedWith[bi] = bj;
            pairedSim[bi] = best;
            pairSims[pairFrom.size()] = best;
            pairFrom.add(q.get(bi));
            pairTo.add(c.get(bj));
        }
        // A matched query token weighs as the listed token it matched (the evidence is the listed word); an
        // unmatched one as itself: an ordinary word the lists never use is rare, and missing it costs fully.
        double totalQ = 0;
        double matchedQ = 0;
        double letters = 0;
        double evidence = 0;
        for (int i = 0; i < n; i++) {
            if (!usedQ[i]) {
                totalQ += weight(q.get(i), rarity);
                continue;
            }
            String lt = c.get(pairedWith[i]);
            double w = weight(lt, rarity);
            // A listed initial ("PETER A SAVCHENKO") says only which letter the query word begins with: the query
            // word keeps its own weight and the initial explains an initial's worth of it, so "Anton" is not
            // taken for evidence. A query initial weighs as the name it stands for.
            totalQ += lt.length() == 1 && q.get(i).length() > 1 ? weight(q.get(i), rarity) : w;
            matchedQ += w * pairedSim[i];
            letters += letters(lt) * pairedSim[i];
            evidence += w * pairedSim[i];
        }
        // How common the matched tokens are, 0 (rare) to 1 (all as common as MIN_RARITY allows), past the free share.
        double common = letters == 0 ? 0 : (1 - evidence / letters) / (1 - MIN_RARITY);
        common = Math.max(0, (common - COMMONNESS_FREE) / (1 - COMMONNESS_FREE));
        double coreTotal = 0;
        double coreMatched = 0;
        int missingMiddle = 0;
        for (int j = 0; j < m; j++) {
            if (listed.core().get(j)) {
                double w = weight(c.get(j), rarity);
                coreTotal += w;
                coreMatched += usedC[j] ? w : 0; // similarity already counted once
            } else if (!usedC[j]) {
                missingMiddle++;
            }
        }
        double coverage = coreTotal == 0 ? 1 : coreMatched / coreTotal;
        double tokens = (matchedQ / totalQ) * (1 - CORE_WEIGHT + CORE_WEIGHT * coverage)
                - (MISSING_MIDDLE + COMMON_MIDDLE * common) * missingMiddle;
        double joined = joined(q, c);
        if (joined > tokens) {
            return new Score(clamp(joined), List.of(String.join("", q)), List.of(String.join("", c)),
                    new double[] {joined});
        }
        return new Score(clamp(tokens), pairFrom, pairTo, pairSims);
    }

    /** Names written together or apart: compared whole, counted only when nearly identical. */
    private static double joined(List<String> q, List<String> c) {
        if (q.size() == c.size()) {
            return 0;
        }
        String a = String.join("", q);
        String b = String.join("", c);
        if (a.length() < 6 || b.length() < 6) {
            return 0;
        }
        double s = JaroWinkler.similarity(a, b);
        return s >= 0.96 ? s * 0.98 : 0;
    }

    /** Two tokens, each with its {@link SpellingFold} form ({@code fa}, {@code fb}) and phonetic keys. */
    static double pair(String a, String fa, Set<String> ka, String b, String fb, Set<String> kb) {
        if (a.equals(b)) {
            return 1.0;
        }
        if (a.length() == 1 || b.length() == 1) {
            return a.charAt(0) == b.charAt(0) ? INITIAL : 0;
        }
        // Two spellings of one word ("qods"/"kods") are near whatever their letters: the fold is what says so.
        double s = spelling(a, ka, b, kb);
        if (fa.equals(fb)) {
            return Math.max(s, FOLDED);
        }
        if (inflected(a, b)) { // on the words as written: the fold makes "mustaaf" (a typo) "mustaf" of "mustafa"
            return 0;
        }
        if (!sameOnset(fa.charAt(0), fb.charAt(0)) && !onsetSlip(a, b)) {
            double off = s - ONSET;
            return off < STEEP_FLOOR ? 0 : off;
        }
        return s;
    }

    /**
     * Letters that begin one name in one romanisation and another in the next (after {@link SpellingFold}, which
     * has already made q k, w v, ph f, kh h, dj j): vowels ("Osman"/"Usman", "Ebrahim"/"Ibrahim"), y, e, i and j
     * ("Yevgeny"/"Evgeny"/"Jewgeni"), j and g ("Jamal"/"Gamal"), k, c and g ("Qasim"/"Kasim"/"Gasim",
     * "Gaddafi"/"Qadhafi"), s and c ("Sharif"/"Cherif"), c and h ("Chalid"/"Halid"), b, p, v and f, d, t and z
     * ("Dhulfiqar"/"Zulfiqar"), and h and k (the "kh" folded to h, written "k": "Khine"/"Kine").
     */
    private static final String[] ONSETS = {"aeiou", "yeij", "jg", "kcg", "sc", "ch", "hk", "bpvf", "dtz"};

    /**
     * The first letters differ the way a hand slips: the first two letters swapped ("suta" for "usta") or the first
     * struck on a neighbouring key ("strush" for "atrush"), the rest alike.
     */
    static boolean onsetSlip(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        if (a.length() > 2 && a.charAt(0) == b.charAt(1) && a.charAt(1) == b.charAt(0)
                && a.regionMatches(2, b, 2, a.length() - 2)) {
            return true;
        }
        return a.regionMatches(1, b, 1, a.length() - 1) && Keyboard.neighbours(a.charAt(0), b.charAt(0));
    }

    private static boolean sameOnset(char x, char y) {
        if (x == y) {
            return true;
        }
        for (String g : ONSETS) {
            if (g.indexOf(x) >= 0 && g.indexOf(y) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * One word is the other with the Arabic feminine "-a" ("Samir"/"Samira", "Din"/"Dina") or the Persian and Arabic
     * "-i" of descent ("Karam"/"Karami", "Jafar"/"Jafari", "Ibrahim"/"Ebrahimi") after a consonant: those make
     * another name, not a misspelling of it (Jaro-Winkler rates them 0.95-0.97, as close as a typo). The first
     * letters may differ as romanisations begin a name ({@link #sameOnset}).
     */
    static boolean inflected(String a, String b) {
        String shorter = a.length() < b.length() ? a : b;
        String longer = shorter == a ? b : a;
        if (shorter.length() < 3 || longer.length() != shorter.length() + 1
                || !sameOnset(shorter.charAt(0), longer.charAt(0))
                || !longer.regionMatches(1, shorter, 1, shorter.length() - 1)) {
            return false;
        }
        char end = longer.charAt(longer.length() - 1);
        char last = shorter.charAt(shorter.length() - 1);
        return (end == 'a' || end == 'i') && "aeiouy".indexOf(last) < 0;
    }

    /**
     * Below {@link #KNEE}, the similarity falls {@link #STEEP} times faster, and what falls under {@link
     * #STEEP_FLOOR} is no pair: words that far apart in shape ("imad"/"iyad", "makarov"/"azarov",
     * "baikalkom"/"baikal") were another name far more often than the same one misspelt.
     */
    private static double steep(double s) {
        if (s >= KNEE) {
            return s;
        }
        double fallen = s - STEEP * (KNEE - s);
        return fallen < STEEP_FLOOR ? 0 : fallen;
    }

    /**
     * Jaro-Winkler checked against the typing slips, lifted for sound, and steep below {@link #KNEE} except for one
     * slip in a short word.
     */
    private static double spelling(String a, Set<String> ka, String b, Set<String> kb) {
        double s = JaroWinkler.similarity(a, b);
        int shorter = Math.min(a.length(), b.length());
        // Sound counts from six letters: the keys of shorter words are two or three consonants, shared by names that
        // are plainly different ("Chen", "Chan"; "Kumar", "Qamar"; "Amini", "Amidi").
        boolean alike = shorter >= SOUND_FROM && shareKey(ka, kb);
        if (s < FAR && !alike) {
            return steep(s); // far from a pair whatever the slips
        }
        // The typing slips a word of this length plausibly carries: one in a short word, two from six letters, three
        // from ten, one more when the two sound alike (a romanisation changes several letters of one sound).
        int plausible = (shorter <= 5 ? 1 : shorter <= 9 ? 2 : 3) + (alike ? 1 : 0);
        int slips = EditDistance.osa(a, b, plausible + 3);
        if (slips > plausible) {
            return steep(Math.max(0, s - SLIP_PENALTY * (slips - plausible) - 0.02));
        }
        if (shorter <= 4) {
            // "Wang" and "Wong", "Chen" and "Chan": one letter of four is another name, but as often a typo ("Rawi",
            // "Raxi"), so it pays this fixed cost and not the steep fall.
            return s - SHORT_SLIP;
        }
        if (s < PHONETIC && alike) {
            // Sounding alike lifts the spelling similarity halfway to PHONETIC: keys are coarse, so two names far
            // apart in spelling must not become a match on sound alone.
            return steep(Math.max(s, (s + PHONETIC) / 2 + 0.04));
        }
        return steep(s);
    }

    private static boolean shareKey(Set<String> ka, Set<String> kb) {
        for (String k : kb) {
            if (ka.contains(k)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Words of company names that say what a company does, not which one it is: a name that leaves one out
     * ("Worldfast Limited" for "Worldfast International Limited") is still that company, so they weigh little.
     */
    static final Set<String> GENERIC = Set.of("international", "intl", "trading", "trade", "general", "group",
            "holding", "holdings", "industries", "industrial", "enterprises", "enterprise", "services", "service",
            "commercial", "import", "export", "global", "investment", "investments", "development", "industry",
            // Turkish "Sanayi ve Ticaret" (industry and trade, "San. ve Tic."), "& Sons", "Joint Stock", "Establishment".
            "sanayi", "san", "ticaret", "tic", "sons", "joint", "stock", "establishment");

    /**
     * Letters times rarity carry the weight, so "ali" counts less than "rahmatullah", and "mohammad" (on hundreds
     * of listed names) less than "bout"; initials and digits count a little.
     */
    private static double weight(String token, Rarity rarity) {
        return letters(token) * rarity.of(token);
    }

    private static double letters(String token) {
        return GENERIC.contains(token) ? 2 : Math.max(2, token.length());
    }

    private static double clamp(double d) {
        return Math.max(0, Math.min(1, d));
    }
}
