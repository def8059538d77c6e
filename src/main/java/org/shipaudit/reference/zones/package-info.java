/**
 * Carrier zone charts: which rating zone a carrier bills between an origin and a destination ZIP code, per service,
 * in the chart in force on the ship date. Charts are read from the carriers' files once, at import, into compact
 * blocks (one per origin) that the reference index stores and loads into memory at open; a look-up is a few array
 * reads. Lucene-free: the {@code reference} package stores and reads the blocks.
 */
package org.shipaudit.reference.zones;
