package org.shipaudit.model;

/** A declared weight, e.g. {@code {"value": 12.5, "unit": "LB"}}. */
public record Weight(Double value, WeightUnit unit) {

    /** The weight in pounds, or null when the value or unit is missing. */
    public Double pounds() {
        return value == null || unit == null ? null : unit.toPounds(value);
    }
}
