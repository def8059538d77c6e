/**
 * The shipment contract of API.md as immutable records (what clients send), and the normalised facts the rules
 * reason about (units converted, subjects named, derived measures computed once).
 */
package org.shipaudit.model;
