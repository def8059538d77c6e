package org.shipaudit.findings;

/** The weight a carrier will bill for one package, in whole pounds, and why (actual, dimensional or a minimum). */
public record BillableWeight(String packageId, long value, String unit, String basis) {
}
