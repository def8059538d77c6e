package org.shipaudit.sheets;

import java.util.List;

/**
 * A profile bound to a sheet: where the header is (0 for none), its names, and the mapper for the data rows.
 * {@code firstRowIsData} is true for a headerless layout recognised from its first row.
 */
record Binding(String profile, SheetSummary.Layout layout, long headerRow, List<String> header, RowMapper mapper,
        boolean firstRowIsData) {
}
