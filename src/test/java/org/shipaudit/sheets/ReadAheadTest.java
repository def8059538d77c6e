package org.shipaudit.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadAheadTest {

    @TempDir
    Path dir;

    private Path invoice(int rows) throws IOException {
        StringBuilder b = new StringBuilder(Sheets.GENERIC_LONG_HEADER).append('\n');
        for (int i = 1; i <= rows; i++) {
            b.append("INV-1,2026-11-16,UPS,A1,1Z").append(String.format("%016d", i))
                    .append(",2026-11-10,,GROUND,,,,2,3,LB,,,,,FREIGHT,Transportation,10.00,USD\n");
        }
        return Sheets.csv(dir, "inv.csv", b.toString());
    }

    @Test
    void givesTheConsumerTheSameCallsInTheSameOrderAsARead() throws Exception {
        Path f = invoice(1000);
        Sheets.Collected direct = new Sheets.Collected();
        SheetSummary a = new InvoiceSheetReader(InvoiceProfile.AUTO).read(f, direct);
        Sheets.Collected ahead = new Sheets.Collected();
        SheetSummary b = new InvoiceSheetReader(InvoiceProfile.AUTO).readAhead(f, ahead);
        assertEquals(direct.header, ahead.header);
        assertEquals(direct.headerRow, ahead.headerRow);
        assertEquals(direct.rows, ahead.rows);
        assertEquals(a, b);
        assertEquals(1000, ahead.rows.size());
    }

    @Test
    void stopsTheReadWithTheConsumersOwnException() throws Exception {
        Path f = invoice(5000);
        IllegalStateException boom = new IllegalStateException("boom");
        int[] seen = {0};
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> new InvoiceSheetReader(InvoiceProfile.AUTO).readAhead(f, row -> {
                    if (++seen[0] == 300) {
                        throw boom;
                    }
                }));
        assertSame(boom, thrown);
        assertEquals(300, seen[0], "no row after the failure reaches the consumer");
    }

    @Test
    void passesOnTheReadersRefusal() throws Exception {
        Path f = Sheets.csv(dir, "partial.csv", "invoice_number,carrier\nINV-1,UPS\n");
        assertThrows(InvoiceSheetException.class,
                () -> new InvoiceSheetReader(InvoiceProfile.AUTO).readAhead(f, row -> { }));
    }
}
