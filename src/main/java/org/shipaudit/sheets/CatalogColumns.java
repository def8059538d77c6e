package org.shipaudit.sheets;

import java.util.Map;

/**
 * Where a catalog file keeps each product field: the profile that read it ({@code shopify} or {@code generic}), the
 * worksheet (XLSX; null for CSV) and the header name of each field's column(s) as written in the file, so a finding
 * about {@code rows[17].hsCode} can say "column Variant HS Code, sheet Products".
 *
 * @param columns field (sku, title, description, category, hsCode, countryOfOrigin, weight,
 *                dimensions, price, currency, dangerousGoods: what a finding's subject names after {@code rows[N].}) to
 *                the column name(s) as in the header, joined by ", " when several
 *                (dimensions in three columns; title and description for the dangerous-goods check)
 */
public record CatalogColumns(String profile, String sheet, Map<String, String> columns) {

    public CatalogColumns {
        columns = Map.copyOf(columns);
    }

    /** The column name(s) of a field, or null when the file has no such column. */
    public String column(String field) {
        return columns.get(field);
    }
}
