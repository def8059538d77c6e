package org.shipaudit.reference.screening;

/**
 * Optimal string alignment distance (Levenshtein plus a swap of neighbours, each costing one), capped: the number of
 * typing slips between two words. Screening uses it beside Jaro-Winkler because the two disagree where it matters:
 * Jaro-Winkler rates "andersson"/"andoson" (three slips, two different surnames) close to "andoson"/"adnoson" (one
 * slip), while the count of slips keeps them apart. Thread-safe; allocates one small matrix.
 */
public final class EditDistance {

    private EditDistance() {
    }

    /** The distance between {@code a} and {@code b}, or {@code max + 1} when it is larger than {@code max}. */
    public static int osa(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return max + 1;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return Math.min(d[a.length()][b.length()], max + 1);
    }
}
