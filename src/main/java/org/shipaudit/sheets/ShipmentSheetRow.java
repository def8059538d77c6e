package org.shipaudit.sheets;

import org.shipaudit.model.api.Shipment;

/**
 * A shipment read from one row of a shipments sheet, with where each of its fields is in the file (the column of
 * {@code parties[1].company} depends on the row: the k-th party is the k-th group of party columns the row fills).
 *
 * @param row the 1-based sheet row
 */
public record ShipmentSheetRow(long row, Shipment shipment, ShipmentColumns columns) {
}
