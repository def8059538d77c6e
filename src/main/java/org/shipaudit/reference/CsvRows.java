package org.shipaudit.reference;

import java.io.IOException;
import java.util.List;
import org.shipaudit.csv.CsvReader;

/**
 * The records of an imported CSV file after its header, as every importer of a carrier or ECB table reads them: blank
 * records skipped, the others counted as read and handed over with their record number, which row errors name.
 */
final class CsvRows {

    /** One record; returning early skips the rest of it (the row error, if any, was recorded). */
    interface Row {
        void read(List<String> cells, long record) throws IOException;
    }

    private CsvRows() {
    }

    static void each(ImportRun run, CsvReader csv, Row row) throws IOException {
        List<String> cells;
        while ((cells = csv.next()) != null) {
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            run.read++;
            row.read(cells, csv.record());
        }
    }
}
