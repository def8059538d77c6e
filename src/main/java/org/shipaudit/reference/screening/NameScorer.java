package org.shipaudit.reference.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Scores how well a screened name matches one listed name, from 0 to 1, token by token.
 *
 * <p>Each query token is paired with at most one listed token, best pairs first (so word order does not matter);
 * a pair's similarity is Jaro-Winkler, raised to {@value #PHONETIC} when the two share a Double Metaphone key
 * (transliterations), and a lone initial matches a name it begins. The score is the share of the query that was
 * matched (by letters), times how much of the listed name's core was covered: a query that adds words the entry does
 * not have, or misses its surname, falls; a missing middle name costs only {@value #MISSING_MIDDLE}. Names written
 * together or apart ("Abdulrahman", "Abdul Rahman") are also compared as one string. Thread-safe, no allocation
 * beyond a small matrix.
 */
public final class NameScorer {
    /** Similarity given to two tokens that sound alike but are spelt apart ("Qasem", "Kasem"). */
    static final double PHONETIC = 0.90;
    /** Below this a pair is not a match at all. */
    static final double PAIR_FLOOR = 0.78;
    /** Cost of each listed middle name the query does not give. */
    static final double MISSING_MIDDLE = 0.02;
    /** Similarity of an initial to a name it begins ("J" and "John"). */
    static final double INITIAL = 0.85;

    private NameScorer() {
    }

    /** A score and the token pairs behind it ("bout=bout 1.00"). */
    public record Score(double value, List<String> pairs) {
    }

    /**
     * @param query     the screened name's tokens
     * @param queryKeys the phonetic keys of each query token (same order)
     * @param listed    the listed name's tokens and core flags
     * @param listedKeys the phonetic keys of each listed token (same order)
     */
    public static Score score(NormalizedName query, List<Set<String>> queryKeys, NormalizedName listed,
                              List<Set<String>> listedKeys) {
        List<String> q = query.tokens();
        List<String> c = listed.tokens();
        int n = q.size();
        int m = c.size();
        if (n == 0 || m == 0) {
            return new Score(0, List.of());
        }
        double[][] sim = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                sim[i][j] = pair(q.get(i), queryKeys.get(i), c.get(j), listedKeys.get(j));
            }
        }
        boolean[] usedQ = new boolean[n];
        boolean[] usedC = new boolean[m];
        double matchedQ = 0;
        List<String> pairs = new ArrayList<>(Math.min(n, m));
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
            matchedQ += weight(q.get(bi)) * best;
            pairs.add(q.get(bi) + "=" + c.get(bj) + String.format(" %.2f", best));
        }
        double totalQ = 0;
        for (String t : q) {
            totalQ += weight(t);
        }
        double coreTotal = 0;
        double coreMatched = 0;
        int missingMiddle = 0;
        for (int j = 0; j < m; j++) {
            if (listed.core().get(j)) {
                coreTotal += weight(c.get(j));
                coreMatched += usedC[j] ? weight(c.get(j)) : 0; // similarity already counted once
            } else if (!usedC[j]) {
                missingMiddle++;
            }
        }
        double coverage = coreTotal == 0 ? 1 : coreMatched / coreTotal;
        double tokens = (matchedQ / totalQ) * (0.5 + 0.5 * coverage) - MISSING_MIDDLE * missingMiddle;
        double joined = joined(q, c);
        if (joined > tokens) {
            return new Score(clamp(joined), List.of(String.join("", q) + "=" + String.join("", c)
                    + String.format(" %.2f", joined)));
        }
        return new Score(clamp(tokens), List.copyOf(pairs));
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

    static double pair(String a, Set<String> ka, String b, Set<String> kb) {
        if (a.equals(b)) {
            return 1.0;
        }
        if (a.length() == 1 || b.length() == 1) {
            return a.charAt(0) == b.charAt(0) ? INITIAL : 0;
        }
        double s = JaroWinkler.similarity(a, b);
        if (s < PHONETIC && !ka.isEmpty()) {
            for (String k : kb) {
                if (ka.contains(k)) {
                    return PHONETIC;
                }
            }
        }
        return s;
    }

    /** Letters carry the weight, so "ali" counts less than "rahmatullah"; initials and digits count a little. */
    private static double weight(String token) {
        return Math.max(2, token.length());
    }

    private static double clamp(double d) {
        return Math.max(0, Math.min(1, d));
    }
}
