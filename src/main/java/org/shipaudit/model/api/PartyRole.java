package org.shipaudit.model.api;

/** The roles a further party of a shipment can have (API.md). */
public enum PartyRole {
    ULTIMATE_CONSIGNEE, INTERMEDIATE_CONSIGNEE, IMPORTER_OF_RECORD, BUYER, FREIGHT_FORWARDER
}
