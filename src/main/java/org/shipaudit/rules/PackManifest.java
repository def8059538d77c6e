package org.shipaudit.rules;

/** The {@code pack.yaml} of a rule pack. */
public record PackManifest(String name, String version, String owner, String summary) {
}
