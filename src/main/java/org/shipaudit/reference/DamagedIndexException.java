package org.shipaudit.reference;

import java.io.IOException;

/** The reference index on disk is damaged or incomplete; the message names what and how to recover. */
public final class DamagedIndexException extends IOException {

    public DamagedIndexException(String message, Throwable cause) {
        super(message, cause);
    }
}
