package org.shipaudit.findings;

/** The area a finding belongs to (API.md); the last five are for invoice audits. */
public enum Category {
    HS_CODE, TRADE, HAZMAT, WEIGHT, ADDRESS, DATA, ACCESSORIAL, DUPLICATE, RATE, SERVICE, CHARGEBACK
}
