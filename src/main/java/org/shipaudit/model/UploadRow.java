package org.shipaudit.model;

/**
 * Where in an uploaded sheet a finding is: the row as a spreadsheet program numbers it, and the tracking number of the
 * package on that row (null when the row has none: a chargeback, a shipment line). The one place the subject text
 * {@code rows[17]} is made; code that needs the row reads {@link #number()}, never the text.
 *
 * @param number         the 1-based sheet row (the header and any rows above it counted)
 * @param trackingNumber the package's tracking number, null when the row names none
 */
public record UploadRow(long number, String trackingNumber) {

    /** The finding subject for the row itself: {@code rows[17]}. */
    public String subject() {
        return "rows[" + number + "]";
    }

    /** The finding subject for a part of the row ({@code rows[12].packages[0]}); the row itself when path is null. */
    public String subject(String path) {
        return path == null || path.isEmpty() ? subject() : subject() + "." + path;
    }
}
