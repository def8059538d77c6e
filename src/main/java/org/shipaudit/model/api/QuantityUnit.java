package org.shipaudit.model.api;

import org.shipaudit.model.WeightUnit;

/**
 * Units a dangerous-goods net quantity may be declared in: the masses of {@link WeightUnit} and the litres and
 * millilitres 49 CFR 172.101 column 9 uses for liquids. A mass and a volume cannot be compared without a density.
 */
public enum QuantityUnit {
    KG(true, 1.0),
    G(true, 0.001),
    LB(true, 0.45359237),
    OZ(true, 0.45359237 / 16.0),
    L(false, 1.0),
    ML(false, 0.001);

    private final boolean mass;
    private final double perUnit;

    QuantityUnit(boolean mass, double perUnit) {
        this.mass = mass;
        this.perUnit = perUnit;
    }

    /** True for a mass (kg, g, lb, oz), false for a volume (L, mL). */
    public boolean isMass() {
        return mass;
    }

    /** The value in kilograms (a mass) or litres (a volume). */
    public double toBase(double value) {
        return value * perUnit;
    }
}
