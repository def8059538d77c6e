package org.shipaudit.model;

/** Package surcharges predicted before shipping and verified on invoices. */
public enum SurchargeKind {
    ADDITIONAL_HANDLING, LARGE_PACKAGE
}
