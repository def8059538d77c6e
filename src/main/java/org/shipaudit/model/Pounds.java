package org.shipaudit.model;

/** Whole pounds as carriers bill them. */
public final class Pounds {

    /**
     * Tolerance below a whole pound: a weight converted from kilograms or ounces lands a hair above the pound it is
     * (10.000000001 lb) and must not bill as the next one.
     */
    private static final double CONVERSION_NOISE = 1e-9;

    private Pounds() {
    }

    /** {@code lb} rounded up to the next whole pound (UPS dimensional weight page: "rounded up to the next lb"). */
    public static long roundedUp(double lb) {
        return (long) Math.ceil(lb - CONVERSION_NOISE);
    }
}
