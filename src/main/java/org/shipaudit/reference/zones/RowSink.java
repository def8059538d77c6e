package org.shipaudit.reference.zones;

/** Where a chart reader reports each data row it reads and each cell or row it had to leave out, and why. */
public interface RowSink {

    void read();

    /** @param record the row's record number in the file (the header is 1) */
    void problem(long record, String why);
}
