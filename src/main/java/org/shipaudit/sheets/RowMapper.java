package org.shipaudit.sheets;

import java.util.List;
import org.shipaudit.model.ChargeLine;
import org.shipaudit.model.RowError;

/** Turns one data row of a bound layout into charge lines and row errors. One instance per read: may keep state. */
interface RowMapper {

    void map(long row, List<String> cells, List<ChargeLine> lines, List<RowError> errors);
}
