package org.shipaudit.reference.zones;

/**
 * One stored piece of a chart: the cells of one origin (a UPS origin ZIP3, a FedEx origin range) as bytes, with the
 * zone codes they index. The reference index keeps one document per block; a chart is rebuilt from its blocks at open.
 *
 * @param origin "917" for a UPS origin ZIP3, "28700-28899" for a FedEx origin range
 * @param codes  the chart's zones in code order ({@link ZoneCodes#text()})
 */
public record ZoneBlock(String origin, String codes, byte[] cells) {
}
