package org.shipaudit.model.api;

/** The retailer whose routing guide applies to a shipment, if any. */
public record Retailer(String name, String poNumber, String asnNumber) {
}
