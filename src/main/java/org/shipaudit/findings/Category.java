package org.shipaudit.findings;

/**
 * The area a finding belongs to (API.md); ACCESSORIAL to CHARGEBACK are for invoice audits. {@code SYSTEM}: a pack
 * could not judge (it threw or hit a limit) and the audit fails closed; {@code SCREENING}: restricted parties.
 */
public enum Category {
    HS_CODE, TRADE, HAZMAT, WEIGHT, ADDRESS, DATA, ACCESSORIAL, DUPLICATE, RATE, SERVICE, CHARGEBACK, SCREENING, SYSTEM
}
