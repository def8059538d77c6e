package org.shipaudit.reference.screening;

/**
 * Which letters sit next to each other on a QWERTY keyboard: a slip to a neighbouring key is a typing error, not
 * another name, so {@link NameScorer} forgives it where it would not forgive another first letter. Public for
 * {@code bench screening}, whose typos slip to a neighbouring key.
 */
public final class Keyboard {
    private static final String[] ROWS = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};

    private Keyboard() {
    }

    /** True when {@code x} and {@code y} are two keys side by side or diagonally touching (lower-case letters). */
    public static boolean neighbours(char x, char y) {
        int rx = row(x);
        int ry = row(y);
        if (rx < 0 || ry < 0 || x == y) {
            return false;
        }
        int ix = ROWS[rx].indexOf(x);
        int iy = ROWS[ry].indexOf(y);
        if (rx == ry) {
            return Math.abs(ix - iy) == 1;
        }
        if (Math.abs(rx - ry) != 1) {
            return false;
        }
        // Each row sits half a key to the right of the one above: key i touches keys i and i+1 above it.
        int lower = rx > ry ? ix : iy;
        int upper = rx > ry ? iy : ix;
        return upper == lower || upper == lower + 1;
    }

    private static int row(char c) {
        for (int r = 0; r < ROWS.length; r++) {
            if (ROWS[r].indexOf(c) >= 0) {
                return r;
            }
        }
        return -1;
    }
}
