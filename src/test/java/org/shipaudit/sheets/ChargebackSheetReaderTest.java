package org.shipaudit.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.model.Chargeback;
import org.shipaudit.model.RowError;

class ChargebackSheetReaderTest {

    @TempDir
    Path dir;

    private final List<Chargeback> chargebacks = new ArrayList<>();
    private final List<RowError> errors = new ArrayList<>();

    private SheetSummary read(Path file) throws Exception {
        return new ChargebackSheetReader(InvoiceSheetReader.DEFAULT_MAX_BYTES).read(file, (row, chargeback) -> {
            if (chargeback != null) {
                chargebacks.add(chargeback);
            }
            errors.addAll(row.errors());
        });
    }

    @Test
    void readsEveryColumnWhateverTheHeaderSpelling() throws Exception {
        Path f = Sheets.csv(dir, "cb.csv", "Chargeback report week 46\n"
                + "Retailer,Chargeback Type,PO-Number,Amount,Notification Date,Dispute_Attempts,Status,Cost of Goods,"
                + "Carton Reference,Currency\n"
                + "amazon,PRC-SHORT,4500012345,\"$1,250.00\",11/02/2026,1,Open,,C-77,\n"
                + "Walmart,OTIF,WM-889,45.00,2026-11-10,,,1000,,usd\n");
        SheetSummary s = read(f);
        assertEquals("chargebacks", s.profile());
        assertEquals(2, s.headerRow());
        assertEquals(2, s.rowsRead());
        assertEquals(List.of(), errors);
        Chargeback amazon = chargebacks.get(0);
        assertEquals(3, amazon.row());
        assertEquals("AMAZON", amazon.retailer());
        assertEquals("PRC-SHORT", amazon.code());
        assertEquals("4500012345", amazon.poNumber());
        assertEquals(new BigDecimal("1250.00"), amazon.amount());
        assertEquals("USD", amazon.currency(), "USD when the file gives none");
        assertEquals(LocalDate.of(2026, 11, 2), amazon.notificationDate());
        assertEquals(1, amazon.disputeAttempts());
        assertEquals("C-77", amazon.reference());
        assertNull(amazon.costOfGoods());
        Chargeback walmart = chargebacks.get(1);
        assertEquals(0, walmart.disputeAttempts(), "a blank count is no dispute filed");
        assertEquals(new BigDecimal("1000"), walmart.costOfGoods());
        assertEquals("USD", walmart.currency());
    }

    @Test
    void readsAWorkbookWithDateCells() throws Exception {
        Path f = Sheets.xlsx(dir, "cb.xlsx", List.of(
                List.of("retailer", "chargeback_code", "po_number", "amount", "notification_date"),
                List.of("TARGET", "ASN-LATE", "T-1", 75.5, LocalDate.of(2026, 10, 30))));
        read(f);
        assertEquals(List.of(), errors);
        assertEquals(LocalDate.of(2026, 10, 30), chargebacks.get(0).notificationDate());
        assertEquals(new BigDecimal("75.5"), chargebacks.get(0).amount());
    }

    @Test
    void aBadAmountOrDateIsARowErrorAndTheRestIsRead() throws Exception {
        Path f = Sheets.csv(dir, "cb.csv", "retailer,chargeback_code,po_number,amount,notification_date,dispute_attempts\n"
                + "AMAZON,A1,PO-1,twelve,2026-11-02,0\n"
                + "AMAZON,A2,PO-2,12.00,2026-13-45,0\n"
                + "AMAZON,A3,PO-3,12.00,2026-11-02,1.5\n"
                + ",A4,PO-4,12.00,,0\n"
                + "AMAZON,A5,PO-5,12.00,2026-11-02,0\n");
        SheetSummary s = read(f);
        assertEquals(5, s.rowsRead());
        assertEquals(List.of("A5"), chargebacks.stream().map(Chargeback::code).toList());
        assertEquals(new RowError(2, "amount", "not an amount: 'twelve'"), errors.get(0));
        assertEquals(3, errors.get(1).row());
        assertEquals("notification_date", errors.get(1).column());
        assertTrue(errors.get(1).message().startsWith("not a date"), errors.get(1)::message);
        assertEquals(4, errors.get(2).row());
        assertEquals("dispute_attempts", errors.get(2).column());
        assertEquals(List.of("retailer", "notification_date"),
                errors.stream().filter(e -> e.row() == 5).map(RowError::column).toList());
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsRefusedNamingThem() throws Exception {
        Path f = Sheets.csv(dir, "cb.csv", "retailer,chargeback_code,amount,currency\nAMAZON,A1,10.00,USD\n");
        InvoiceSheetException e = assertThrows(InvoiceSheetException.class, () -> read(f));
        assertEquals(422, e.status());
        assertEquals(List.of("po_number", "notification_date"), e.missingColumns());
        assertTrue(e.getMessage().contains("po_number, notification_date"), e.getMessage());
    }

    @Test
    void anInvoiceIsNotAChargebacksFile() throws Exception {
        Path f = Sheets.csv(dir, "inv.csv", Sheets.GENERIC_LONG_HEADER + "\nINV-1,2026-11-16,UPS,1,1Z1,2026-11-09,,"
                + "GROUND,2,43215,N,3,3,LB,10,8,6,IN,FRT,Freight,9.10,USD\n");
        InvoiceSheetException e = assertThrows(InvoiceSheetException.class, () -> read(f));
        assertEquals(422, e.status());
        assertTrue(e.getMessage().startsWith("No chargebacks header found in the CSV file"), e.getMessage());
    }
}
