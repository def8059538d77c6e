package org.shipaudit.store;

import java.sql.SQLException;

/**
 * The database cannot be used now and the service will not try to fix that by itself: after a failure H2 reopened its
 * file and found it missing, empty or not the database this service started on. The message names the file and says
 * what to do; the HTTP layer answers 503 with it, the background writers count what they drop.
 */
public final class DatabaseUnavailable extends SQLException {

    DatabaseUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
