package org.shipaudit.sheets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shipaudit.json.InvalidInputException;
import org.shipaudit.json.Violation;
import org.shipaudit.model.ChargeLine;
import org.shipaudit.model.RowError;
import org.shipaudit.model.WeightUnit;
import org.shipaudit.model.api.LengthUnit;
import org.shipaudit.model.api.PartyRole;
import org.shipaudit.model.api.Shipment;
import org.shipaudit.model.api.ShipmentSchema;

/**
 * The layout of a shipments sheet (XLSX or CSV, one shipment of one package per row), header names matched like the
 * generic invoice profile (case-insensitive, ignoring spaces, {@code _} and {@code -}): {@code shipment_id},
 * {@code ship_date}, {@code carrier}, {@code service}, the {@code ship_from_*} and {@code ship_to_*} address columns,
 * the package ({@code weight} with {@code weight_unit}, {@code length}/{@code width}/{@code height} with
 * {@code dimension_unit}, {@code packaging}, {@code tracking_number}), one optional item ({@code description},
 * {@code hs_code}, {@code quantity}, ...) and the further parties to screen (API.md {@code parties}), in either of two
 * spellings a spreadsheet user writes: numbered groups {@code party1_role}, {@code party1_name},
 * {@code party1_company}, {@code party1_street1}, {@code party1_city}, {@code party1_postal_code},
 * {@code party1_country} (up to {@value ShipmentSchema#MAX_PARTIES}), or groups named by their role
 * ({@code ultimate_consignee_name}, {@code buyer_company}, {@code freight_forwarder_country}, ...).
 *
 * <p>Each row is turned into the JSON of the contract and read by {@link ShipmentSchema}, so a sheet row is held to
 * exactly what {@code POST /v1/audits/shipments} holds a body to; each contract violation becomes a row error naming
 * the column it came from. One instance per read: it hands the shipment its mapper made of each row to the
 * reader's consumer ({@link #take}).
 */
final class ShipmentProfile implements SheetLayout {

    /** The columns a header must have: what the contract requires and a sheet cannot leave to a default. */
    static final List<String> REQUIRED = List.of("shipment_id", "ship_date", "carrier", "service",
            "ship_from_country", "ship_to_country");

    /** Fewer matching names than this and a row is not taken for the header (a title row, a note). */
    private static final int MIN_MATCHES = 4;

    /** The package id a one-package row gets when the sheet has no package_id column. */
    static final String DEFAULT_PACKAGE = "P1";

    /** Each single-valued field: documented column name to the contract path it fills and the names standing for it. */
    private static final Map<String, Field> FIELDS = fields();

    private static final Pattern NUMBERED_PARTY = Pattern.compile(
            "party(\\d{1,2})(role|name|company|street1|street|address|city|postalcode|zip|zipcode|country)");
    private static final Pattern ROLE_PARTY = Pattern.compile(
            "(ultimateconsignee|intermediateconsignee|importerofrecord|buyer|freightforwarder)"
                    + "(name|company|street1|street|address|city|postalcode|zip|zipcode|country)");

    private enum Kind { TEXT, UPPER, COUNTRY, DATE, NUMBER, INTEGER, AMOUNT, FLAG }

    private record Field(String column, String path, Kind kind, List<String> names) {
    }

    private static Map<String, Field> fields() {
        Map<String, Field> m = new LinkedHashMap<>();
        add(m, "shipment_id", "id", Kind.TEXT, "shipment", "id", "order_id", "order_number");
        add(m, "ship_date", "shipDate", Kind.DATE, "date", "shipped_on");
        add(m, "carrier", "carrier", Kind.TEXT);
        add(m, "service", "service", Kind.TEXT, "service_level", "service_code");
        add(m, "zone", "zone", Kind.TEXT);
        for (String[] side : new String[][] {{"ship_from", "shipFrom", "sender"}, {"ship_to", "shipTo", "recipient"}}) {
            String p = side[0];
            String a = side[2];
            add(m, p + "_name", side[1] + ".name", Kind.TEXT, a + "_name");
            add(m, p + "_company", side[1] + ".company", Kind.TEXT, a + "_company");
            add(m, p + "_street1", side[1] + ".street1", Kind.TEXT, p + "_address", p + "_street", a + "_street1",
                    a + "_address");
            add(m, p + "_street2", side[1] + ".street2", Kind.TEXT, a + "_street2");
            add(m, p + "_city", side[1] + ".city", Kind.TEXT, a + "_city");
            add(m, p + "_state", side[1] + ".state", Kind.TEXT, p + "_province", a + "_state");
            add(m, p + "_postal_code", side[1] + ".postalCode", Kind.TEXT, p + "_zip", p + "_zip_code",
                    a + "_postal_code", a + "_zip");
            add(m, p + "_country", side[1] + ".country", Kind.COUNTRY, a + "_country");
        }
        add(m, "residential", "shipTo.residential", Kind.FLAG, "ship_to_residential");
        add(m, "package_id", "packages[0].id", Kind.TEXT);
        add(m, "tracking_number", "packages[0].trackingNumber", Kind.TEXT, "tracking");
        add(m, "packaging", "packages[0].packaging", Kind.UPPER, "package_type");
        add(m, "sku", "items[0].sku", Kind.TEXT);
        add(m, "description", "items[0].description", Kind.TEXT, "item_description", "goods_description");
        add(m, "hs_code", "items[0].hsCode", Kind.TEXT, "hts_code", "harmonized_code");
        add(m, "country_of_origin", "items[0].countryOfOrigin", Kind.COUNTRY, "origin");
        add(m, "quantity", "items[0].quantity", Kind.INTEGER, "qty");
        add(m, "unit_value", "items[0].unitValue.amount", Kind.AMOUNT, "unit_price");
        return java.util.Collections.unmodifiableMap(m);
    }

    private static void add(Map<String, Field> m, String column, String path, Kind kind, String... aliases) {
        List<String> names = new ArrayList<>();
        names.add(column);
        names.addAll(List.of(aliases));
        m.put(column, new Field(column, path, kind, names.stream().map(GenericProfile::key).toList()));
    }

    /** The measures, read together with their units (not single-valued fields). */
    private static final Map<String, List<String>> MEASURES = Map.of(
            "weight", List.of("weight", "package_weight", "actual_weight"),
            "weight_unit", List.of("weight_unit", "weight_uom"),
            "length", List.of("length"),
            "width", List.of("width"),
            "height", List.of("height"),
            "dimension_unit", List.of("dimension_unit", "dimensions_unit", "length_unit"),
            "currency", List.of("currency", "currency_code"));

    private String sheet;
    private List<String> bestCandidate;
    private long bestCandidateRow;
    private int bestMatches;
    private Mapper mapper;
    private long mappedRow = -1;
    private Shipment shipment;
    private ShipmentColumns rowColumns;

    @Override
    public void sheet(String name) {
        this.sheet = name;
    }

    @Override
    public Binding bind(long row, List<String> cells, boolean decimalComma) throws InvoiceSheetException {
        Header h = new Header(cells);
        if (h.matches > bestMatches) {
            bestMatches = h.matches;
            bestCandidate = cells;
            bestCandidateRow = row;
        }
        if (h.matches < MIN_MATCHES) {
            return null;
        }
        List<String> missing = h.missing();
        if (!missing.isEmpty()) {
            throw new InvoiceSheetException(InvoiceSheetException.Reason.MISSING_COLUMNS, "The shipments header in row "
                    + row + " lacks required column" + (missing.size() > 1 ? "s" : "") + ": "
                    + String.join(", ", missing) + ".", missing, null);
        }
        mapper = new Mapper(cells, h, decimalComma);
        return new Binding("shipments", SheetSummary.Layout.LONG, row, cells, mapper, false);
    }

    @Override
    public InvoiceSheetException noHeader(String where) {
        List<String> missing = bestCandidate == null ? List.of() : new Header(bestCandidate).missing();
        String hint = bestCandidate == null || missing.isEmpty() ? "" : " The closest row (" + bestCandidateRow
                + ") lacks: " + String.join(", ", missing) + ".";
        return new InvoiceSheetException(missing.isEmpty() ? InvoiceSheetException.Reason.NO_HEADER
                : InvoiceSheetException.Reason.MISSING_COLUMNS, "No shipments header found in " + where
                + ": expected the columns " + String.join(", ", REQUIRED) + " (and optionally the ship_from_*/ship_to_*"
                + " address columns, weight, weight_unit, length, width, height, dimension_unit, tracking_number and"
                + " the parties party1_role, party1_name, party1_company, party1_country, ...)." + hint, missing, null);
    }

    /**
     * The shipment made of {@code row} and where its fields are, null when the row had errors. The reader maps a row
     * and hands it to the consumer before reading the next, so the last row mapped is the one asked for.
     */
    ShipmentSheetRow take(long row) {
        if (mappedRow != row) {
            throw new IllegalStateException("row " + row + " was not the last row mapped");
        }
        return shipment == null ? null : new ShipmentSheetRow(row, shipment, rowColumns);
    }

    /** A further party's columns: a numbered group (its role from a cell) or a group named by its role. */
    private static final class PartyGroup {
        final String label;
        final PartyRole fixedRole;
        final Map<String, Integer> attrs = new LinkedHashMap<>();

        PartyGroup(String label, PartyRole fixedRole) {
            this.label = label;
            this.fixedRole = fixedRole;
        }
    }

    /** The header read: the column of each field, measure and party attribute. */
    private static final class Header {
        final List<String> names;
        final Map<String, Integer> fields = new LinkedHashMap<>();
        final Map<String, Integer> measures = new LinkedHashMap<>();
        final Map<String, PartyGroup> parties = new java.util.TreeMap<>(Header::partyOrder);
        int matches;

        Header(List<String> names) {
            this.names = names;
            for (int i = 0; i < names.size(); i++) {
                String k = GenericProfile.key(names.get(i));
                if (k.isEmpty()) {
                    continue;
                }
                if (take(k, i)) {
                    matches++;
                }
            }
        }

        private boolean take(String k, int col) {
            for (Field f : FIELDS.values()) {
                if (f.names().contains(k)) {
                    return fields.putIfAbsent(f.column(), col) == null;
                }
            }
            for (Map.Entry<String, List<String>> e : MEASURES.entrySet()) {
                if (e.getValue().stream().map(GenericProfile::key).anyMatch(k::equals)) {
                    return measures.putIfAbsent(e.getKey(), col) == null;
                }
            }
            Matcher n = NUMBERED_PARTY.matcher(k);
            if (n.matches()) {
                int number = Integer.parseInt(n.group(1));
                if (number < 1 || number > ShipmentSchema.MAX_PARTIES) {
                    return false;
                }
                String label = "party" + number;
                return parties.computeIfAbsent(label, l -> new PartyGroup(l, null)).attrs
                        .putIfAbsent(attr(n.group(2)), col) == null;
            }
            Matcher r = ROLE_PARTY.matcher(k);
            if (r.matches()) {
                PartyRole role = roleOfKey(r.group(1));
                return parties.computeIfAbsent(role.name().toLowerCase(Locale.ROOT), l -> new PartyGroup(l, role)).attrs
                        .putIfAbsent(attr(r.group(2)), col) == null;
            }
            return false;
        }

        /** Numbered groups first, by number; then the role-named ones in the order of the contract's roles. */
        private static int partyOrder(String a, String b) {
            return Integer.compare(rank(a), rank(b));
        }

        private static int rank(String label) {
            if (label.startsWith("party")) {
                return Integer.parseInt(label.substring(5));
            }
            return 100 + roleOfKey(GenericProfile.key(label)).ordinal();
        }

        List<String> missing() {
            return REQUIRED.stream().filter(r -> !fields.containsKey(r)).toList();
        }

        String name(int col) {
            return col < 0 || col >= names.size() ? null : names.get(col);
        }
    }

    private static String attr(String keyAttr) {
        return switch (keyAttr) {
            case "street", "address" -> "street1";
            case "zip", "zipcode", "postalcode" -> "postalCode";
            default -> keyAttr;
        };
    }

    private static PartyRole roleOfKey(String key) {
        for (PartyRole r : PartyRole.values()) {
            if (GenericProfile.key(r.name()).equals(key)) {
                return r;
            }
        }
        throw new IllegalArgumentException(key);
    }

    /** A country code in upper case; anything else as written, for the contract's error to quote. */
    static String country(String cell) {
        return cell.length() == 2 ? cell.toUpperCase(Locale.ROOT) : cell;
    }

    /** A role as a cell writes it: {@code Ultimate consignee}, {@code ultimate-consignee}, {@code BUYER}. */
    static String role(String cell) {
        return cell.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    }

    private final class Mapper implements RowMapper {
        private final Cells cells;
        private final Header header;
        /** The paths of the fixed columns; the parties' are added per row, as their indexes depend on the row. */
        private final Map<String, String> fixedColumns;

        Mapper(List<String> names, Header header, boolean decimalComma) {
            this.cells = new Cells(names, decimalComma);
            this.header = header;
            this.fixedColumns = fixedColumns();
        }

        private Map<String, String> fixedColumns() {
            Map<String, String> m = new LinkedHashMap<>();
            header.fields.forEach((column, col) -> m.put(FIELDS.get(column).path(), header.name(col)));
            put(m, "packages[0].weight", join("weight", "weight_unit"));
            put(m, "packages[0].dimensions", join("length", "width", "height", "dimension_unit"));
            put(m, "packages[0].dimensions.length", join("length"));
            put(m, "packages[0].dimensions.width", join("width"));
            put(m, "packages[0].dimensions.height", join("height"));
            put(m, "packages[0].dimensions.unit", join("dimension_unit"));
            put(m, "items[0].unitValue.currency", join("currency"));
            if (m.containsKey("items[0].unitValue.amount")) {
                m.put("items[0].unitValue", m.get("items[0].unitValue.amount"));
            }
            return m;
        }

        private String join(String... measures) {
            List<String> out = new ArrayList<>();
            for (String s : measures) {
                Integer c = header.measures.get(s);
                if (c != null) {
                    out.add(header.name(c));
                }
            }
            return String.join(", ", out);
        }

        @Override
        public void map(long row, List<String> rowCells, List<ChargeLine> lines, List<RowError> errors) {
            mappedRow = row;
            shipment = null;
            rowColumns = null;
            cells.at(row, rowCells, errors);
            int before = errors.size();
            Map<String, String> columns = new LinkedHashMap<>(fixedColumns);
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, Integer> e : header.fields.entrySet()) {
                value(node, FIELDS.get(e.getKey()), e.getValue());
            }
            packageOf(node);
            parties(node, columns);
            ShipmentColumns where = new ShipmentColumns(sheet, columns);
            // The contract's own check, for every problem of the row at once; a column already reported is not
            // reported twice (a party without a role: the clearer message above, not "is required").
            java.util.Set<String> reported = new java.util.HashSet<>();
            for (int i = before; i < errors.size(); i++) {
                reported.add(String.valueOf(errors.get(i).column()));
            }
            try {
                Shipment s = ShipmentSchema.read(node, "");
                if (errors.size() == before) {
                    shipment = s;
                    rowColumns = where;
                }
            } catch (InvalidInputException e) {
                for (Violation v : e.violations()) {
                    String column = where.column(v.path());
                    if (!reported.contains(String.valueOf(column))) {
                        cells.error(column, (v.path().isEmpty() ? "the shipment" : v.path()) + " " + v.message());
                    }
                }
            }
        }

        private void value(ObjectNode root, Field f, int col) {
            String text = cells.text(col);
            if (text == null) {
                return;
            }
            switch (f.kind()) {
                case TEXT -> set(root, f.path(), root.textNode(text));
                case UPPER -> set(root, f.path(), root.textNode(text.toUpperCase(Locale.ROOT)));
                case COUNTRY -> set(root, f.path(), root.textNode(country(text)));
                case DATE -> {
                    java.time.LocalDate d = cells.date(col);
                    if (d != null) {
                        set(root, f.path(), root.textNode(d.toString()));
                    }
                }
                case NUMBER -> {
                    Double d = cells.number(col);
                    if (d != null) {
                        set(root, f.path(), root.numberNode(d));
                    }
                }
                case INTEGER -> {
                    Double d = cells.number(col);
                    if (d != null && (d != Math.rint(d) || Math.abs(d) > ShipmentSchema.MAX_QUANTITY)) {
                        cells.error(col, "not a whole number of units: '" + text + "'");
                    } else if (d != null) {
                        set(root, f.path(), root.numberNode(d.longValue()));
                    }
                }
                case AMOUNT -> {
                    BigDecimal a = cells.amount(col);
                    if (a != null) {
                        set(root, f.path(), root.textNode(a.toPlainString()));
                        String currency = cells.text(measure("currency"));
                        set(root, "items[0].unitValue.currency", root.textNode(currency == null ? "USD"
                                : currency.toUpperCase(Locale.ROOT)));
                    }
                }
                case FLAG -> {
                    Boolean b = cells.flag(col);
                    if (b != null) {
                        set(root, f.path(), root.booleanNode(b));
                    }
                }
                default -> throw new IllegalStateException(f.kind().name());
            }
        }

        private int measure(String name) {
            return header.measures.getOrDefault(name, -1);
        }

        /** The row's one package: its id (P1 by default), weight with its unit, and dimensions with theirs. */
        private void packageOf(ObjectNode root) {
            if (!root.has("packages")) {
                set(root, "packages[0].id", root.textNode(DEFAULT_PACKAGE));
            } else if (!root.get("packages").get(0).has("id")) {
                set(root, "packages[0].id", root.textNode(DEFAULT_PACKAGE));
            }
            Double weight = cells.number(measure("weight"));
            if (weight != null) {
                String unitText = cells.text(measure("weight_unit"));
                WeightUnit unit = CatalogProfile.weightUnit(unitText);
                if (unit == null) {
                    cells.error(measure("weight_unit"), "not a weight unit: '" + unitText + "' (use LB, KG, OZ or G)");
                } else {
                    set(root, "packages[0].weight.value", root.numberNode(weight));
                    set(root, "packages[0].weight.unit", root.textNode(unit.name()));
                }
            }
            Double l = cells.number(measure("length"));
            Double w = cells.number(measure("width"));
            Double h = cells.number(measure("height"));
            if (l == null && w == null && h == null) {
                return;
            }
            String unitText = cells.text(measure("dimension_unit"));
            LengthUnit unit = CatalogProfile.lengthUnit(unitText);
            if (unit == null) {
                cells.error(measure("dimension_unit"), "not a length unit: '" + unitText + "' (use IN, CM or MM)");
                return;
            }
            double scale = "MM".equalsIgnoreCase(unitText == null ? "" : unitText.strip()) ? 0.1 : 1;
            String[] sides = {"length", "width", "height"};
            Double[] values = {l, w, h};
            for (int i = 0; i < 3; i++) {
                if (values[i] != null) {
                    set(root, "packages[0].dimensions." + sides[i], root.numberNode(values[i] * scale));
                }
            }
            set(root, "packages[0].dimensions.unit", root.textNode(unit.name()));
        }

        /**
         * The row's further parties: each group with any cell filled, in header order, so {@code parties[k]} names
         * the k-th filled group of this row (recorded in {@code columns} for the findings).
         */
        private void parties(ObjectNode root, Map<String, String> columns) {
            int k = 0;
            for (PartyGroup g : header.parties.values()) {
                Map<String, String> values = new LinkedHashMap<>();
                g.attrs.forEach((attr, col) -> {
                    String t = cells.text(col);
                    if (t != null) {
                        values.put(attr, t);
                    }
                });
                if (values.isEmpty()) {
                    continue;
                }
                String at = "parties[" + k + "]";
                if (k >= ShipmentSchema.MAX_PARTIES) {
                    cells.error(header.name(g.attrs.values().iterator().next()), "more than "
                            + ShipmentSchema.MAX_PARTIES + " parties on one row");
                    return;
                }
                k++;
                ObjectNode party = ((ArrayNode) root.withArray("parties")).addObject();
                List<String> groupColumns = new ArrayList<>();
                g.attrs.forEach((attr, col) -> {
                    columns.put(at + "." + attr, header.name(col));
                    groupColumns.add(header.name(col));
                });
                columns.put(at, String.join(", ", groupColumns));
                if (g.fixedRole != null) {
                    party.put("role", g.fixedRole.name());
                    columns.put(at + ".role", String.join(", ", groupColumns));
                } else if (values.containsKey("role")) {
                    party.put("role", role(values.get("role")));
                } else {
                    cells.error(g.attrs.containsKey("role") ? header.name(g.attrs.get("role")) : g.label + "_role",
                            at + " (" + g.label + ") has no role: write one of ULTIMATE_CONSIGNEE, "
                                    + "INTERMEDIATE_CONSIGNEE, IMPORTER_OF_RECORD, BUYER, FREIGHT_FORWARDER");
                }
                values.forEach((attr, v) -> {
                    if (!attr.equals("role")) {
                        party.put(attr, attr.equals("country") ? country(v) : v);
                    }
                });
                if (!values.containsKey("name") && !values.containsKey("company")) {
                    Integer col = g.attrs.containsKey("name") ? g.attrs.get("name") : g.attrs.get("company");
                    cells.error(col != null ? header.name(col) : g.label + "_name", at + " (" + g.label
                            + ") has no name or company: a party is screened by its name");
                }
            }
        }
    }

    private static void put(Map<String, String> m, String path, String column) {
        if (column != null && !column.isEmpty()) {
            m.put(path, column);
        }
    }

    /** Sets {@code path} ({@code a.b[0].c}) in {@code root}, making the objects and one-element arrays on the way. */
    static void set(ObjectNode root, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode at = root;
        for (int i = 0; i < parts.length - 1; i++) {
            String p = parts[i];
            int bracket = p.indexOf('[');
            if (bracket >= 0) {
                String name = p.substring(0, bracket);
                ArrayNode array = at.has(name) ? (ArrayNode) at.get(name) : at.putArray(name);
                if (array.isEmpty()) {
                    array.addObject();
                }
                at = (ObjectNode) array.get(0);
            } else {
                at = at.has(p) ? (ObjectNode) at.get(p) : at.putObject(p);
            }
        }
        at.set(parts[parts.length - 1], value);
    }
}
