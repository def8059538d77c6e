package org.shipaudit.jobs;

import java.io.IOException;
import org.shipaudit.sheets.InvoiceSheetException;

/** Thrown by a precheck's consumer to stop reading after the first data row: the file is readable. */
final class FirstRowRead extends RuntimeException {

    FirstRowRead() {
        super(null, null, false, false);
    }

    /** A read of a whole file whose row consumer throws {@link FirstRowRead}. */
    @FunctionalInterface
    interface Read {
        void run() throws IOException, InvoiceSheetException;
    }

    /**
     * Runs a read up to the header and the first data row: enough to know the file is a spreadsheet the reader can
     * read (not encrypted, not a zip bomb, has the required columns). A file that is not is refused with the
     * reader's status (413, 415, 422) and reason.
     */
    static void check(Read read) {
        try {
            read.run();
        } catch (FirstRowRead enough) {
            // readable
        } catch (InvoiceSheetException e) {
            throw new JobRefused(e.reason().status(), e.getMessage());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
