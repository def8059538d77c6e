package org.shipaudit.model.api;

/** Units a dimension may be declared in. */
public enum LengthUnit {
    IN(1.0),
    CM(1.0 / 2.54);

    private final double inchesPerUnit;

    LengthUnit(double inchesPerUnit) {
        this.inchesPerUnit = inchesPerUnit;
    }

    public double toInches(double value) {
        return value * inchesPerUnit;
    }
}
