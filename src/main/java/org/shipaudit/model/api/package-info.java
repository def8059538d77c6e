/**
 * The shipment contract of API.md as immutable records (what clients send) and its request schema. Rules never see
 * these: {@code model.ShipmentFacts} turns a shipment into the facts they match. Units and packaging are the root
 * package's enums, which rules and tables name.
 */
package org.shipaudit.model.api;
