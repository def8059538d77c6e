package org.shipaudit.model.api;

/** Declared package dimensions, e.g. {@code {"length": 20, "width": 12, "height": 10, "unit": "IN"}}. */
public record Dimensions(Double length, Double width, Double height, LengthUnit unit) {
}
