package org.shipaudit.store;

import java.time.Instant;

/**
 * One activation in a pack's history: which version became active, by whose action, when and why. Records are only
 * ever appended; the active version is the last record's.
 *
 * @param action {@code initial} (first seen in the rules directory), {@code deploy}, {@code rollback} or {@code reload}
 */
public record PackVersion(String pack, String version, String contentHash, String action, String author,
                          String message, Instant at, String previousVersion) {
}
