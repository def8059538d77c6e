package org.shipaudit.rules;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One problem found while compiling a pack: the file inside the pack, the line (0 when unknown) and what is wrong.
 * An error in a decision table also names its cell: the sheet, the row (as the spreadsheet numbers it, the same as
 * {@code line}) and the column, each null when unknown (a CSV table has no sheet; a row-wide problem no column).
 */
public record CompileError(String file, int line, String message,
        @JsonInclude(JsonInclude.Include.NON_NULL) String sheet,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer row,
        @JsonInclude(JsonInclude.Include.NON_NULL) String column) {

    /** An error in a DRL file, or anywhere without a table cell. */
    public CompileError(String file, int line, String message) {
        this(file, line, message, null, null, null);
    }

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
