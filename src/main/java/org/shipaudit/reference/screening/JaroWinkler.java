package org.shipaudit.reference.screening;

/**
 * Jaro-Winkler similarity of two tokens (0..1), the measure OFAC's own Sanctions List Search uses: transpositions
 * and a shared prefix count, so "HUSSEIN"/"HUSSAIN" and a typo near the end score high while different words do not.
 * Allocation-free (flag arrays are kept per thread); thread-safe.
 */
public final class JaroWinkler {
    /** Winkler's prefix scale and the longest prefix it rewards (his published values). */
    private static final double PREFIX_SCALE = 0.1;
    private static final int MAX_PREFIX = 4;

    private static final ThreadLocal<boolean[][]> SCRATCH =
            ThreadLocal.withInitial(() -> new boolean[][] {new boolean[64], new boolean[64]});

    private JaroWinkler() {
    }

    public static double similarity(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        int la = a.length();
        int lb = b.length();
        if (la == 0 || lb == 0) {
            return 0.0;
        }
        int window = Math.max(0, Math.max(la, lb) / 2 - 1);
        // Flags are reused per thread: screening calls this some thousand times per party.
        boolean[][] scratch = SCRATCH.get();
        if (scratch[0].length < la || scratch[1].length < lb) {
            scratch[0] = new boolean[Math.max(la, 64)];
            scratch[1] = new boolean[Math.max(lb, 64)];
        }
        boolean[] ma = scratch[0];
        boolean[] mb = scratch[1];
        java.util.Arrays.fill(ma, 0, la, false);
        java.util.Arrays.fill(mb, 0, lb, false);
        int matches = 0;
        for (int i = 0; i < la; i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(lb - 1, i + window);
            char c = a.charAt(i);
            for (int j = from; j <= to; j++) {
                if (!mb[j] && b.charAt(j) == c) {
                    ma[i] = true;
                    mb[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int transpositions = 0;
        for (int i = 0, j = 0; i < la; i++) {
            if (!ma[i]) {
                continue;
            }
            while (!mb[j]) {
                j++;
            }
            if (a.charAt(i) != b.charAt(j)) {
                transpositions++;
            }
            j++;
        }
        double m = matches;
        double jaro = (m / la + m / lb + (m - transpositions / 2.0) / m) / 3.0;
        int prefix = 0;
        for (int i = 0; i < Math.min(MAX_PREFIX, Math.min(la, lb)) && a.charAt(i) == b.charAt(i); i++) {
            prefix++;
        }
        return jaro + prefix * PREFIX_SCALE * (1 - jaro);
    }
}
