package org.shipaudit.model;

/** A row of an uploaded sheet that could not be read: which row, which column, and why. The job goes on. */
public record RowError(long row, String column, String message) {
}
