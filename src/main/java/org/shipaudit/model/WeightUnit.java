package org.shipaudit.model;

/** Units a weight may be declared in; conversion factors are exact by definition of the avoirdupois pound. */
public enum WeightUnit {
    LB(1.0),
    KG(1.0 / 0.45359237),
    OZ(1.0 / 16.0),
    G(1.0 / 453.59237);

    private final double poundsPerUnit;

    WeightUnit(double poundsPerUnit) {
        this.poundsPerUnit = poundsPerUnit;
    }

    public double toPounds(double value) {
        return value * poundsPerUnit;
    }
}
