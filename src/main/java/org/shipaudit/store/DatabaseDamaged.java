package org.shipaudit.store;

/** The database file could not be read back whole: its message names the file and how to recover it. */
public final class DatabaseDamaged extends IllegalStateException {
    DatabaseDamaged(String message, Throwable cause) {
        super(message, cause);
    }
}
