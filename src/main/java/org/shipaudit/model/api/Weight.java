package org.shipaudit.model.api;

import org.shipaudit.model.WeightUnit;

/** A declared weight, e.g. {@code {"value": 12.5, "unit": "LB"}}. */
public record Weight(Double value, WeightUnit unit) {

    /** The weight in pounds, or null when the value or unit is missing. */
    public Double pounds() {
        return value == null || unit == null ? null : unit.toPounds(value);
    }
}
