package org.shipaudit.model;

/**
 * The first chargeback of the file with a given retailer, PO and code, when a later row repeats it: in the same batch
 * of rows or in one read before. Given to the rules as a fact, so rules decide what is a duplicate.
 *
 * @param key the {@link Chargeback#getDuplicateKey()} shared with the later rows
 * @param row the sheet row of the first one
 */
public record PriorChargeback(String key, long row, String code, String poNumber, java.math.BigDecimal amount) {

    static PriorChargeback of(Chargeback c) {
        return new PriorChargeback(c.getDuplicateKey(), c.row(), c.code(), c.poNumber(), c.amount());
    }
}
