package org.shipaudit.model;

/** How a carrier rounds each measured side before computing dimensional weight. */
public enum SideRounding {
    NONE, NEAREST, UP;

    double apply(double inches) {
        return switch (this) {
            case NONE -> inches;
            case NEAREST -> Math.round(inches);
            case UP -> Math.ceil(inches - 1e-9);
        };
    }
}
