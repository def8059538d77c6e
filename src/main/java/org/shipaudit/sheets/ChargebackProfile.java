package org.shipaudit.sheets;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shipaudit.model.Chargeback;
import org.shipaudit.model.ChargeLine;
import org.shipaudit.model.RowError;

/**
 * The layout of a retailer chargebacks file: one chargeback per row, named columns in any order, header names
 * matched like the generic invoice profile (case-insensitive, ignoring spaces, {@code _} and {@code -}), with a few
 * names retailer portals use for the same column. One instance per read: it hands the chargeback its mapper made of
 * each row to the reader's consumer ({@link #take}).
 */
final class ChargebackProfile implements SheetLayout {

    /** Each column and the header names that stand for it, the first being the name API docs use. */
    static final Map<String, List<String>> COLUMNS = columns();

    static final List<String> REQUIRED = List.of("retailer", "chargeback_code", "po_number", "amount",
            "notification_date");

    /** Fewer matching names than this and a row is not taken for a header (a title row, a note). */
    private static final int MIN_MATCHES = 3;

    private List<String> bestCandidate;
    private long bestCandidateRow;
    private int bestMatches;
    private Mapper mapper;

    private static Map<String, List<String>> columns() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("retailer", List.of("retailer", "retailer_name"));
        m.put("chargeback_code", List.of("chargeback_code", "chargeback_type", "code", "type", "reason_code"));
        m.put("po_number", List.of("po_number", "po", "purchase_order", "purchase_order_number"));
        m.put("amount", List.of("amount", "chargeback_amount"));
        m.put("currency", List.of("currency"));
        m.put("notification_date", List.of("notification_date", "notified_date", "notified_on", "issue_date",
                "issued_date", "chargeback_date"));
        m.put("dispute_attempts", List.of("dispute_attempts", "disputes_filed", "disputes"));
        m.put("status", List.of("status"));
        m.put("description", List.of("description"));
        m.put("cost_of_goods", List.of("cost_of_goods", "cogs"));
        m.put("reference", List.of("reference", "carton_reference", "shipment_reference", "carton_id", "shipment_id"));
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The column each header cell stands for, or null. */
    private static String[] fieldsOf(List<String> header) {
        String[] fields = new String[header.size()];
        for (int i = 0; i < header.size(); i++) {
            String k = GenericProfile.key(header.get(i));
            for (Map.Entry<String, List<String>> e : COLUMNS.entrySet()) {
                if (e.getValue().stream().anyMatch(name -> GenericProfile.key(name).equals(k))) {
                    fields[i] = e.getKey();
                    break;
                }
            }
        }
        return fields;
    }

    static List<String> missing(List<String> header) {
        List<String> present = java.util.Arrays.asList(fieldsOf(header));
        return REQUIRED.stream().filter(r -> !present.contains(r)).toList();
    }

    @Override
    public Binding bind(long row, List<String> cells, boolean decimalComma) throws InvoiceSheetException {
        String[] fields = fieldsOf(cells);
        int matches = (int) java.util.Arrays.stream(fields).filter(java.util.Objects::nonNull).count();
        if (matches > bestMatches) {
            bestMatches = matches;
            bestCandidate = cells;
            bestCandidateRow = row;
        }
        if (matches < MIN_MATCHES) {
            return null;
        }
        List<String> missing = missing(cells);
        if (!missing.isEmpty()) {
            throw new InvoiceSheetException(InvoiceSheetException.Reason.MISSING_COLUMNS, "The header in row " + row
                    + " lacks required column" + (missing.size() > 1 ? "s" : "") + ": " + String.join(", ", missing)
                    + ".", missing, null);
        }
        mapper = new Mapper(cells, fields, decimalComma);
        return new Binding("chargebacks", SheetSummary.Layout.LONG, row, cells, mapper, false);
    }

    @Override
    public InvoiceSheetException noHeader(String where) {
        List<String> missing = bestCandidate == null ? List.of() : missing(bestCandidate);
        String hint = bestCandidate == null ? "" : " The closest row (" + bestCandidateRow + ") lacks: "
                + String.join(", ", missing) + ".";
        return new InvoiceSheetException(missing.isEmpty() ? InvoiceSheetException.Reason.NO_HEADER
                : InvoiceSheetException.Reason.MISSING_COLUMNS, "No chargebacks header found in " + where
                + ": expected the columns " + String.join(", ", REQUIRED) + " (and optionally currency, "
                + "dispute_attempts, status, description, cost_of_goods, reference)." + hint, missing, null);
    }

    /**
     * The chargeback made of {@code row}, null when the row had errors. The reader maps a row and then hands it to
     * the consumer before reading the next, so the last row mapped is the one asked for; anything else is a bug.
     */
    Chargeback take(long row) {
        if (mapper == null || mapper.row != row) {
            throw new IllegalStateException("row " + row + " was not the last row mapped");
        }
        return mapper.chargeback;
    }

    private static final class Mapper implements RowMapper {
        private final Cells cells;
        private final int retailer;
        private final int code;
        private final int po;
        private final int amount;
        private final int currency;
        private final int notified;
        private final int attempts;
        private final int status;
        private final int description;
        private final int costOfGoods;
        private final int reference;
        private long row = -1;
        private Chargeback chargeback;

        Mapper(List<String> header, String[] fields, boolean decimalComma) {
            cells = new Cells(header, decimalComma);
            List<String> f = java.util.Arrays.asList(fields);
            retailer = f.indexOf("retailer");
            code = f.indexOf("chargeback_code");
            po = f.indexOf("po_number");
            amount = f.indexOf("amount");
            currency = f.indexOf("currency");
            notified = f.indexOf("notification_date");
            attempts = f.indexOf("dispute_attempts");
            status = f.indexOf("status");
            description = f.indexOf("description");
            costOfGoods = f.indexOf("cost_of_goods");
            reference = f.indexOf("reference");
        }

        @Override
        public void map(long row, List<String> rowCells, List<ChargeLine> lines, List<RowError> errors) {
            this.row = row;
            Cells c = cells;
            c.at(row, rowCells, errors);
            int before = errors.size();
            String retailerName = required(c.text(retailer), retailer, "no retailer");
            BigDecimal charged = amount(c, amount, "no amount");
            LocalDate notifiedOn = c.date(notified);
            if (c.text(notified) == null) {
                c.error(notified, "no notification date: the dispute window counts from it");
            }
            String cur = c.text(currency);
            if (cur != null && !cur.matches("[A-Za-z]{3}")) {
                c.error(currency, "not a currency code: '" + cur + "' (use USD, CAD, ...)");
            }
            int filed = 0;
            Double n = c.number(attempts);
            if (n != null) {
                if (n < 0 || n != Math.floor(n)) {
                    c.error(attempts, "not a number of disputes: '" + c.text(attempts) + "' (use 0, 1, 2, ...)");
                } else {
                    filed = n.intValue();
                }
            }
            BigDecimal cogs = c.amount(costOfGoods);
            chargeback = errors.size() > before ? null : new Chargeback(row, retailerName, c.text(code), c.text(po),
                    charged, cur, notifiedOn, filed, c.text(status), c.text(description), cogs, c.text(reference));
        }

        private String required(String value, int col, String message) {
            if (value == null) {
                cells.error(col, message);
            }
            return value;
        }

        private static BigDecimal amount(Cells c, int col, String missing) {
            if (c.text(col) == null) {
                c.error(col, missing);
                return null;
            }
            return c.amount(col);
        }
    }
}
