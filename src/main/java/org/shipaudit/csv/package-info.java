/**
 * The CSV codec (RFC 4180 reading with bounded fields, writing guarded against formula injection), shared by the
 * invoice sheets and the reference importers so that neither depends on the other.
 */
package org.shipaudit.csv;
