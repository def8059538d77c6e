package org.shipaudit.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shipaudit.OfficialData;
import org.shipaudit.model.ChargeLine;

/**
 * The real UPS Billing Data exports leave Shipment Date (column 117) blank; their ship day is Transaction Date
 * (column 12). Effective-dated tables (rates, delivery-area lists, fuel) need it, so every line carries it.
 */
@OfficialData
class RealUpsShipDateTest {
    private static final Path INVOICES = Path.of("../shared/reference-data/carrier_invoices");

    @ParameterizedTest
    @ValueSource(strings = {"ups_billing_data_2025-08-02_redacted.csv", "ups_billing_data_2025-08-23_redacted.csv"})
    void everyLineTakesItsShipDateFromTransactionDate(String name) throws Exception {
        Path file = INVOICES.resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(file), "the real UPS export is not at ../shared/reference-data");
        List<SheetRow> rows = new ArrayList<>();
        new InvoiceSheetReader(InvoiceProfile.UPS_BILLING).read(file, rows::add);
        assertFalse(rows.isEmpty());
        for (SheetRow r : rows) {
            for (ChargeLine l : r.lines()) {
                assertEquals(Values.date(r.cells().get(UpsBillingProfile.TRANSACTION_DATE - 1)), l.shipDate(),
                        "row " + r.row());
                assertFalse(l.shipDate().isAfter(l.invoiceDate()), "row " + r.row() + " ships after its invoice");
            }
        }
    }
}
