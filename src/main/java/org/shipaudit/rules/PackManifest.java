package org.shipaudit.rules;

/**
 * The {@code pack.yaml} of a rule pack. {@code version} is the version a pack starts from; once deployed through the
 * service, versions are assigned by the version store.
 */
public record PackManifest(String name, String version, String owner, String summary) {
}
