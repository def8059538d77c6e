package org.shipaudit.sheets;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shipaudit.model.CatalogProduct;
import org.shipaudit.model.ChargeLine;
import org.shipaudit.model.api.Dimensions;
import org.shipaudit.model.api.LengthUnit;
import org.shipaudit.model.RowError;
import org.shipaudit.model.api.Weight;
import org.shipaudit.model.WeightUnit;

/**
 * The layouts of a product catalog file, header names matched like the generic invoice profile (case-insensitive,
 * ignoring spaces, {@code _} and {@code -}):
 * <ul>
 *   <li>{@code shopify}: the Shopify product CSV export (Handle, Title, Body (HTML), Vendor, Product Category, Type,
 *       Variant SKU, Variant Grams, Variant Weight Unit, Variant Price, Variant HS Code or Harmonized System Code,
 *       Variant Country of Origin or Country of Origin, ...). A product's first row carries its Title and the product
 *       fields; its other variants follow on rows with the same Handle and a blank Title, and get the product's
 *       fields carried down. Rows with only the Handle and an image (further product images) are no product. The
 *       weight is Variant Grams, in grams; the export has no dimensions.</li>
 *   <li>{@code generic}: sku, title, description, category, hs_code, country_of_origin, weight with weight_unit
 *       ({@code LB} when absent, as for invoices) or a unit in the cell ("250 g"), dimensions as one cell
 *       ("20 x 12 x 10 cm") or length, width, height with dimension_unit ({@code IN} when absent), price,
 *       currency; sku and title are required.</li>
 * </ul>
 * One instance per read: it hands the product its mapper made of each row to the reader's consumer ({@link #take}).
 */
final class CatalogProfile implements SheetLayout {

    /** Each generic field and the header names that stand for it, the first being the documented name. */
    static final Map<String, List<String>> GENERIC = generic();

    static final List<String> GENERIC_REQUIRED = List.of("sku", "title");

    /** Fewer matching names than this and a row is not taken for a generic header (a title row, a note). */
    private static final int MIN_MATCHES = 3;

    /** Descriptions are kept to this many characters of text: enough for every term check, bounded per row. */
    static final int MAX_DESCRIPTION = 2000;

    private static final Pattern DIMENSIONS = Pattern.compile(
            "\\s*(-?[0-9]+(?:[.,][0-9]+)?)\\s*[x×*]\\s*(-?[0-9]+(?:[.,][0-9]+)?)\\s*[x×*]\\s*(-?[0-9]+(?:[.,][0-9]+)?)"
                    + "\\s*([a-zA-Z\"]*)\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern VALUE_AND_UNIT = Pattern.compile("\\s*(-?[0-9][0-9.,]*)\\s*([a-zA-Z]*)\\s*");

    private final String profile;
    private String sheet;
    private List<String> bestCandidate;
    private long bestCandidateRow;
    private int bestMatches;
    private RowMapper mapper;
    private CatalogColumns columns;
    private long mappedRow = -1;
    private CatalogProduct product;

    /** @param profile {@code auto}, {@code shopify} or {@code generic} */
    CatalogProfile(String profile) {
        this.profile = profile;
    }

    private static Map<String, List<String>> generic() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("sku", List.of("sku", "item_sku", "product_sku", "variant_sku", "item_number", "part_number"));
        m.put("title", List.of("title", "name", "product_name", "product_title", "item_name"));
        m.put("description", List.of("description", "body", "body_html", "body (html)", "product_description",
                "long_description"));
        m.put("category", List.of("category", "product_category", "product_type", "type"));
        m.put("vendor", List.of("vendor", "brand", "manufacturer"));
        m.put("hs_code", List.of("hs_code", "hs", "hscode", "harmonized_code", "harmonized_system_code", "hts_code",
                "htsus", "tariff_code", "commodity_code", "variant_hs_code"));
        m.put("country_of_origin", List.of("country_of_origin", "origin", "origin_country", "coo", "made_in",
                "country/region_of_origin", "variant_country_of_origin"));
        m.put("weight", List.of("weight", "item_weight", "product_weight", "shipping_weight", "unit_weight"));
        m.put("weight_unit", List.of("weight_unit", "unit_of_weight", "weight_uom"));
        m.put("dimensions", List.of("dimensions", "package_dimensions", "product_dimensions"));
        m.put("length", List.of("length"));
        m.put("width", List.of("width"));
        m.put("height", List.of("height", "depth"));
        m.put("dimension_unit", List.of("dimension_unit", "dimensions_unit", "length_unit", "dimension_uom"));
        m.put("price", List.of("price", "unit_price", "variant_price", "sale_price"));
        m.put("currency", List.of("currency", "currency_code"));
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Shopify columns and the header names that stand for them (the export's own, and the older names). */
    private static final Map<String, List<String>> SHOPIFY = shopify();

    private static Map<String, List<String>> shopify() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("handle", List.of("Handle"));
        m.put("title", List.of("Title"));
        m.put("description", List.of("Body (HTML)", "Body HTML", "Description"));
        m.put("vendor", List.of("Vendor"));
        m.put("category", List.of("Product Category", "Google Shopping / Google Product Category"));
        m.put("type", List.of("Type"));
        m.put("sku", List.of("Variant SKU"));
        m.put("grams", List.of("Variant Grams"));
        m.put("price", List.of("Variant Price"));
        m.put("hs_code", List.of("Variant HS Code", "Harmonized System Code", "HS Code", "HS Tariff Code"));
        m.put("country_of_origin", List.of("Variant Country of Origin", "Country of Origin",
                "Country/Region of Origin", "Variant Country/Region of Origin"));
        m.put("option1", List.of("Option1 Value"));
        m.put("image", List.of("Image Src"));
        return java.util.Collections.unmodifiableMap(m);
    }

    private static String[] fieldsOf(List<String> header, Map<String, List<String>> names) {
        String[] fields = new String[header.size()];
        for (int i = 0; i < header.size(); i++) {
            String k = GenericProfile.key(header.get(i));
            for (Map.Entry<String, List<String>> e : names.entrySet()) {
                if (e.getValue().stream().anyMatch(name -> GenericProfile.key(name).equals(k))) {
                    // The first column of a name wins: a later duplicate header is left unread.
                    if (!java.util.Arrays.asList(fields).contains(e.getKey())) {
                        fields[i] = e.getKey();
                    }
                    break;
                }
            }
        }
        return fields;
    }

    private static int count(String[] fields) {
        return (int) java.util.Arrays.stream(fields).filter(java.util.Objects::nonNull).count();
    }

    /** A Shopify product export: a Handle column and at least one of the variant columns. */
    static boolean isShopify(List<String> header) {
        String[] f = fieldsOf(header, SHOPIFY);
        List<String> present = java.util.Arrays.asList(f);
        return present.contains("handle") && (present.contains("sku") || present.contains("grams")
                || present.contains("price"));
    }

    @Override
    public void sheet(String name) {
        this.sheet = name;
    }

    @Override
    public Binding bind(long row, List<String> cells, boolean decimalComma) throws InvoiceSheetException {
        boolean shopifyHeader = isShopify(cells);
        if (("auto".equals(profile) || "shopify".equals(profile)) && shopifyHeader) {
            String[] fields = fieldsOf(cells, SHOPIFY);
            List<String> present = java.util.Arrays.asList(fields);
            if (!present.contains("title")) {
                throw new InvoiceSheetException(InvoiceSheetException.Reason.MISSING_COLUMNS, "The Shopify header in "
                        + "row " + row + " lacks the Title column.", List.of("Title"), null);
            }
            ShopifyMapper m = new ShopifyMapper(cells, fields, decimalComma);
            mapper = m;
            columns = new CatalogColumns("shopify", sheet, m.columns());
            return new Binding("shopify", SheetSummary.Layout.LONG, row, cells, mapper, false);
        }
        if ("shopify".equals(profile)) {
            remember(row, cells, count(fieldsOf(cells, SHOPIFY)));
            return null;
        }
        String[] fields = fieldsOf(cells, GENERIC);
        int matches = count(fields);
        remember(row, cells, matches);
        if (matches < MIN_MATCHES) {
            return null;
        }
        List<String> missing = missing(fields);
        if (!missing.isEmpty()) {
            throw new InvoiceSheetException(InvoiceSheetException.Reason.MISSING_COLUMNS, "The header in row " + row
                    + " lacks required column" + (missing.size() > 1 ? "s" : "") + ": " + String.join(", ", missing)
                    + ".", missing, null);
        }
        GenericMapper m = new GenericMapper(cells, fields, decimalComma);
        mapper = m;
        columns = new CatalogColumns("generic", sheet, m.columns());
        return new Binding("generic", SheetSummary.Layout.LONG, row, cells, mapper, false);
    }

    private void remember(long row, List<String> cells, int matches) {
        if (matches > bestMatches) {
            bestMatches = matches;
            bestCandidate = cells;
            bestCandidateRow = row;
        }
    }

    private static List<String> missing(String[] fields) {
        List<String> present = java.util.Arrays.asList(fields);
        return GENERIC_REQUIRED.stream().filter(r -> !present.contains(r)).toList();
    }

    @Override
    public InvoiceSheetException noHeader(String where) {
        String expected = "shopify".equals(profile)
                ? "the Shopify product export header (Handle, Title, Variant SKU, Variant Grams, ...)"
                : "generic".equals(profile)
                ? "the columns sku, title (and optionally description, category, hs_code, country_of_origin, weight, "
                        + "weight_unit, dimensions or length/width/height, dimension_unit, price, currency)"
                : "the Shopify product export header (Handle, Title, Variant SKU, ...) or the generic catalog columns "
                        + "sku, title, hs_code, country_of_origin, weight, ...";
        List<String> missing = bestCandidate == null || "shopify".equals(profile) ? List.of()
                : missing(fieldsOf(bestCandidate, GENERIC));
        String hint = missing.isEmpty() ? "" : " The closest row (" + bestCandidateRow + ") lacks: "
                + String.join(", ", missing) + ".";
        return new InvoiceSheetException(missing.isEmpty() ? InvoiceSheetException.Reason.NO_HEADER
                : InvoiceSheetException.Reason.MISSING_COLUMNS, "No catalog header found in " + where + ": expected "
                + expected + "." + hint, missing, null);
    }

    /** Where each product field is in the file; known once the header is bound. */
    CatalogColumns columns() {
        return columns;
    }

    /**
     * The product made of {@code row}, null when the row had errors or is no product. The reader maps a row and then
     * hands it to the consumer before reading the next, so the last row mapped is the one asked for.
     */
    CatalogProduct take(long row) {
        if (mappedRow != row) {
            throw new IllegalStateException("row " + row + " was not the last row mapped");
        }
        return product;
    }

    // ---- values shared by both layouts ----

    /** Text of an HTML description: tags dropped, the common entities read, spaces collapsed, bounded in length. */
    static String plainText(String html) {
        if (html == null) {
            return null;
        }
        String s = html.replaceAll("(?i)<br\\s*/?>|</p>|</li>|</div>|</h[1-6]>", " ").replaceAll("<[^>]*>", " ");
        s = s.replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&apos;", "'");
        Matcher m = Pattern.compile("&#(\\d{1,6});").matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            int cp = Integer.parseInt(m.group(1));
            m.appendReplacement(sb, Character.isValidCodePoint(cp) ? Matcher.quoteReplacement(
                    new String(Character.toChars(cp))) : " ");
        }
        m.appendTail(sb);
        s = sb.toString().replaceAll("\\s+", " ").strip();
        if (s.length() > MAX_DESCRIPTION) {
            int cut = s.lastIndexOf(' ', MAX_DESCRIPTION);
            s = s.substring(0, cut > MAX_DESCRIPTION / 2 ? cut : MAX_DESCRIPTION);
        }
        return s.isEmpty() ? null : s;
    }

    static WeightUnit weightUnit(String unit) {
        String u = unit == null ? "" : unit.trim().toUpperCase(Locale.ROOT);
        return switch (u) {
            case "", "LB", "LBS", "POUND", "POUNDS", "#" -> WeightUnit.LB;
            case "KG", "KGS", "KILO", "KILOS", "KILOGRAM", "KILOGRAMS" -> WeightUnit.KG;
            case "OZ", "OUNCE", "OUNCES" -> WeightUnit.OZ;
            case "G", "GR", "GRS", "GRAM", "GRAMS" -> WeightUnit.G;
            default -> null;
        };
    }

    /** A length unit; millimetres are read as tenths of centimetres by the caller. */
    static LengthUnit lengthUnit(String unit) {
        String u = unit == null ? "" : unit.trim().toUpperCase(Locale.ROOT);
        return switch (u) {
            case "", "IN", "INS", "INCH", "INCHES", "\"" -> LengthUnit.IN;
            case "CM", "CMS", "CENTIMETER", "CENTIMETERS", "CENTIMETRE", "CENTIMETRES", "MM" -> LengthUnit.CM;
            default -> null;
        };
    }

    private abstract class Mapper implements RowMapper {
        final Cells cells;
        final String[] fields;
        final List<String> header;

        Mapper(List<String> header, String[] fields, boolean decimalComma) {
            this.cells = new Cells(header, decimalComma);
            this.fields = fields;
            this.header = header;
        }

        int col(String field) {
            return java.util.Arrays.asList(fields).indexOf(field);
        }

        String name(String field) {
            int c = col(field);
            return c < 0 ? null : header.get(c);
        }

        @Override
        public final void map(long row, List<String> rowCells, List<ChargeLine> lines, List<RowError> errors) {
            mappedRow = row;
            cells.at(row, rowCells, errors);
            int before = errors.size();
            CatalogProduct p = product(row);
            product = errors.size() > before ? null : p;
        }

        abstract CatalogProduct product(long row);

        /** The field names a finding may name, to the column(s) holding them. */
        abstract Map<String, String> columns();

        /**
         * The first of {@link #columns()}, which both layouts hold under the same names but for the category and the
         * weight: those as this layout writes them. Kept in this order, the order a product lists its fields.
         */
        Map<String, String> commonColumns(String category, String weight) {
            Map<String, String> m = new LinkedHashMap<>();
            put(m, "sku", name("sku"));
            put(m, "title", name("title"));
            put(m, "description", name("description"));
            put(m, "category", category);
            put(m, "hsCode", name("hs_code"));
            put(m, "countryOfOrigin", name("country_of_origin"));
            put(m, "weight", weight);
            return m;
        }

        static String join(String... names) {
            return String.join(", ", java.util.Arrays.stream(names).filter(java.util.Objects::nonNull).toList());
        }
    }

    private final class ShopifyMapper extends Mapper {
        private String handle;
        private String title;
        private String description;
        private String vendor;
        private String category;

        ShopifyMapper(List<String> header, String[] fields, boolean decimalComma) {
            super(header, fields, decimalComma);
        }

        @Override
        Map<String, String> columns() {
            Map<String, String> m = commonColumns(join(name("category"), name("type")), name("grams"));
            put(m, "price", name("price"));
            put(m, "dangerousGoods", join(name("title"), name("description")));
            return m;
        }

        @Override
        CatalogProduct product(long row) {
            String h = cells.text(col("handle"));
            String t = cells.text(col("title"));
            if (h == null) {
                cells.error(col("handle"), "no Handle: every row of a Shopify export names its product");
                return null;
            }
            if (t != null) {
                handle = h;
                title = t;
                description = plainText(cells.text(col("description")));
                vendor = cells.text(col("vendor"));
                String cat = cells.text(col("category"));
                category = cat != null ? cat : cells.text(col("type"));
            } else if (!h.equals(handle)) {
                cells.error(col("title"), "no Title, and not a variant of the product above"
                        + (handle == null ? "" : " (Handle '" + handle + "')") + ": a product's first row gives "
                        + "its Title");
                return null;
            }
            String sku = cells.text(col("sku"));
            Double grams = cells.number(col("grams"));
            if (t == null && sku == null && grams == null && cells.text(col("option1")) == null
                    && cells.text(col("price")) == null) {
                // A further image of the product above: Shopify writes one row per image after the variants.
                return null;
            }
            BigDecimal price = cells.amount(col("price"));
            return new CatalogProduct(row, sku, title, description, category, vendor, cells.text(col("hs_code")),
                    cells.text(col("country_of_origin")), grams == null ? null : new Weight(grams, WeightUnit.G),
                    null, price, null, false);
        }
    }

    private final class GenericMapper extends Mapper {
        GenericMapper(List<String> header, String[] fields, boolean decimalComma) {
            super(header, fields, decimalComma);
        }

        boolean dimensionsListed() {
            return col("dimensions") >= 0 || col("length") >= 0 || col("width") >= 0 || col("height") >= 0;
        }

        @Override
        Map<String, String> columns() {
            Map<String, String> m = commonColumns(name("category"), join(name("weight"), name("weight_unit")));
            put(m, "dimensions", col("dimensions") >= 0 ? name("dimensions")
                    : join(name("length"), name("width"), name("height"), name("dimension_unit")));
            put(m, "price", name("price"));
            put(m, "currency", name("currency"));
            put(m, "dangerousGoods", join(name("title"), name("description")));
            return m;
        }

        @Override
        CatalogProduct product(long row) {
            String cur = cells.text(col("currency"));
            if (cur != null && !cur.matches("[A-Za-z]{3}")) {
                cells.error(col("currency"), "not a currency code: '" + cur + "' (use USD, EUR, ...)");
            }
            return new CatalogProduct(row, cells.text(col("sku")), cells.text(col("title")),
                    plainText(cells.text(col("description"))), cells.text(col("category")),
                    cells.text(col("vendor")), cells.text(col("hs_code")), cells.text(col("country_of_origin")),
                    weight(), dimensions(), cells.amount(col("price")), cur == null ? null : cur.toUpperCase(Locale.ROOT),
                    dimensionsListed());
        }

        private Weight weight() {
            int c = col("weight");
            String s = cells.text(c);
            if (s == null) {
                return null;
            }
            Matcher m = VALUE_AND_UNIT.matcher(s);
            Double v = m.matches() ? Values.number(m.group(1), false) : null;
            if (v == null) {
                cells.error(c, "not a weight: '" + clip(s) + "' (use 250 g, 0.25 kg or a number with weight_unit)");
                return null;
            }
            String unitText = !m.group(2).isEmpty() ? m.group(2) : cells.text(col("weight_unit"));
            WeightUnit unit = weightUnit(unitText);
            if (unit == null) {
                cells.error(!m.group(2).isEmpty() || col("weight_unit") < 0 ? c : col("weight_unit"),
                        "not a weight unit: '" + clip(unitText) + "' (use LB, KG, OZ or G)");
                return null;
            }
            return new Weight(v, unit);
        }

        private Dimensions dimensions() {
            int one = col("dimensions");
            String unitText = cells.text(col("dimension_unit"));
            Double l;
            Double w;
            Double h;
            int unitCol = col("dimension_unit");
            if (one >= 0 && cells.text(one) != null) {
                Matcher m = DIMENSIONS.matcher(cells.text(one));
                if (!m.matches()) {
                    cells.error(one, "not dimensions: '" + clip(cells.text(one)) + "' (use 20 x 12 x 10 cm)");
                    return null;
                }
                l = Values.number(m.group(1).replace(',', '.'), false);
                w = Values.number(m.group(2).replace(',', '.'), false);
                h = Values.number(m.group(3).replace(',', '.'), false);
                if (!m.group(4).isEmpty()) {
                    unitText = m.group(4);
                    unitCol = one;
                }
            } else {
                l = cells.number(col("length"));
                w = cells.number(col("width"));
                h = cells.number(col("height"));
            }
            if (l == null && w == null && h == null) {
                return null;
            }
            LengthUnit unit = lengthUnit(unitText);
            if (unit == null) {
                cells.error(unitCol, "not a length unit: '" + clip(unitText) + "' (use IN, CM or MM)");
                return null;
            }
            if ("MM".equalsIgnoreCase(unitText == null ? "" : unitText.trim())) {
                l = l == null ? null : l / 10;
                w = w == null ? null : w / 10;
                h = h == null ? null : h / 10;
            }
            return new Dimensions(l, w, h, unit);
        }
    }

    private static void put(Map<String, String> m, String field, String column) {
        if (column != null && !column.isEmpty()) {
            m.put(field, column);
        }
    }

    private static String clip(String s) {
        return s == null ? "" : s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
