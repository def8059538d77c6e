package org.shipaudit.model.api;

/** Customs data, required in substance for international shipments. */
public record Customs(String incoterms, String eeiItn, String invoiceNumber, String exportReason) {
}
