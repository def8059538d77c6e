package org.shipaudit.model;

/** Numbers as people write them in messages: 40 rather than 40.0. */
final class Num {

    private Num() {
    }

    static String plain(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
