package org.shipaudit.jobs;

/** Thrown by a precheck's consumer to stop reading after the first data row: the file is readable. */
final class FirstRowRead extends RuntimeException {

    FirstRowRead() {
        super(null, null, false, false);
    }
}
