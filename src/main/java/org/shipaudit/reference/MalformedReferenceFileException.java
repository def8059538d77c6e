package org.shipaudit.reference;

import java.io.IOException;

/** A reference file that cannot be read as its format: names the file, the row (1-based, header = 1) and what was expected. */
public final class MalformedReferenceFileException extends IOException {
    private final String file;
    private final long row;

    MalformedReferenceFileException(String file, long row, String expected) {
        super(file + ", row " + row + ": " + expected);
        this.file = file;
        this.row = row;
    }

    /** The file name. */
    public String file() {
        return file;
    }

    /** The 1-based row (or record) where reading failed; 0 when the problem is the file as a whole. */
    public long row() {
        return row;
    }
}
