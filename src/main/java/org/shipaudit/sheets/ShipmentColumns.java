package org.shipaudit.sheets;

import java.util.Map;

/**
 * Where a shipments sheet keeps each field of the Shipment it reads as: the worksheet (XLSX; null for CSV) and, for
 * each contract path a finding's subject can name after {@code rows[N].} ({@code shipTo.company},
 * {@code parties[1].name}, {@code packages[0].weight}), the header name(s) of its column(s) as written in the file.
 *
 * @param columns contract path to column name(s), joined by ", " when several (a weight and its unit)
 */
public record ShipmentColumns(String sheet, Map<String, String> columns) {

    public ShipmentColumns {
        columns = Map.copyOf(columns);
    }

    /**
     * The column(s) of a path or of the nearest enclosing path that has one ({@code packages[0].weight.unit} is in
     * the weight columns); null when none does (a finding about the whole shipment).
     */
    public String column(String path) {
        String p = path;
        while (p != null && !p.isEmpty()) {
            String c = columns.get(p);
            if (c != null) {
                return c;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? null : p.substring(0, cut);
        }
        return null;
    }
}
