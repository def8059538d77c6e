package org.shipaudit.sheets;

import java.util.List;

/**
 * An uploaded file that cannot be read as an invoice sheet at all, with the HTTP status it maps to and a message
 * written for the finance user who uploaded it. Problems in single rows are never this: they are row errors.
 */
public final class InvoiceSheetException extends Exception {

    /** Why the file was refused; each maps to one HTTP status. */
    public enum Reason {
        /** Not a spreadsheet at all (an image, a PDF, random bytes, a Word document). */
        NOT_A_SPREADSHEET(415),
        /** An Excel 97-2003 .xls workbook: the user should save it as .xlsx or .csv. */
        LEGACY_XLS(415),
        /** Larger than the configured limit. */
        TOO_LARGE(413),
        /** A password-protected workbook. */
        ENCRYPTED(422),
        /** A workbook whose parts expand to far more than their compressed size. */
        ZIP_BOMB(422),
        /** An empty file. */
        EMPTY(422),
        /** No row that any profile recognises as a header (or as UPS billing data). */
        NO_HEADER(422),
        /** A header was found but columns the profile needs are missing. */
        MISSING_COLUMNS(422),
        /** A workbook whose shared strings table is larger than any invoice's: refused before it fills the heap. */
        TOO_MANY_STRINGS(422),
        /** A damaged workbook or an unreadable CSV (an unclosed quote, a record of megabytes). */
        CORRUPT(422);

        private final int status;

        Reason(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Reason reason;
    private final List<String> missingColumns;

    public InvoiceSheetException(Reason reason, String message) {
        this(reason, message, List.of(), null);
    }

    public InvoiceSheetException(Reason reason, String message, Throwable cause) {
        this(reason, message, List.of(), cause);
    }

    public InvoiceSheetException(Reason reason, String message, List<String> missingColumns, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.missingColumns = List.copyOf(missingColumns);
    }

    public Reason reason() {
        return reason;
    }

    /** The HTTP status for the problem response: 413, 415 or 422. */
    public int status() {
        return reason.status();
    }

    /** For {@link Reason#MISSING_COLUMNS}: the generic column names missing; otherwise empty. */
    public List<String> missingColumns() {
        return missingColumns;
    }
}
