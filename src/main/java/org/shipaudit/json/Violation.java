package org.shipaudit.json;

/** One problem in an input document: where ({@code items[0].quantity}) and what is wrong. */
public record Violation(String path, String message) {
}
