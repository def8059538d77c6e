/**
 * Restricted-party screening of a shipment's parties: each name of shipFrom, shipTo and {@code parties} screened
 * against the loaded lists, matches turned into {@link org.shipaudit.model.ScreeningMatch} facts with their
 * clearances, before the {@code screening} rule pack fires.
 */
package org.shipaudit.screening;
