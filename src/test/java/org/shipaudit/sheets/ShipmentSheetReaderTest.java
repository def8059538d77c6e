package org.shipaudit.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.model.RowError;
import org.shipaudit.model.WeightUnit;
import org.shipaudit.model.api.Party;
import org.shipaudit.model.api.PartyRole;
import org.shipaudit.model.api.Shipment;

/** Shipments sheets: one shipment per row, its further parties in numbered or role-named column groups. */
class ShipmentSheetReaderTest {

    @TempDir
    Path dir;

    static final String HEAD = "shipment_id,ship_date,carrier,service,ship_from_company,ship_from_city,"
            + "ship_from_postal_code,ship_from_country,ship_to_name,ship_to_company,ship_to_city,ship_to_country,"
            + "weight,weight_unit,tracking_number,party1_role,party1_name,party1_company,party1_country,"
            + "party2_role,party2_company,party2_city,party2_country,ultimate_consignee_name,ultimate_consignee_country";
    static final String FROM = ",2026-11-20,UPS,WORLDWIDE_SAVER,Example Outfitters,Columbus,43215,US,";

    /** What a read gave: the shipment of each row (null for none) and the row errors. */
    static final class Read {
        final Map<Long, ShipmentSheetRow> rows = new LinkedHashMap<>();
        final List<RowError> errors = new ArrayList<>();
    }

    static Read read(Path file) throws Exception {
        Read r = new Read();
        new ShipmentSheetReader(InvoiceSheetReader.DEFAULT_MAX_BYTES).read(file, (row, shipment) -> {
            r.rows.put(row.row(), shipment);
            r.errors.addAll(row.errors());
        });
        return r;
    }

    @Test
    void readsEachRowAsAShipmentWithItsPartiesInEitherSpelling() throws Exception {
        Path csv = Sheets.csv(dir, "labels.csv", HEAD + "\n"
                + "S-1" + FROM + "Jane Roe,,Berlin,DE,2.5,KG,1Z999,buyer,,Banco Nacional de Cuba,ES,"
                + "Freight Forwarder,Example Forwarding,Rotterdam,nl,Viktor Bout,DE\n"
                + "S-2" + FROM + ",Example Retail GmbH,Berlin,de,4,,,,,,,,,,,,\n");
        Read r = read(csv);
        assertTrue(r.errors.isEmpty(), r.errors::toString);
        Shipment s1 = r.rows.get(2L).shipment();
        assertEquals("S-1", s1.id());
        assertEquals(LocalDate.of(2026, 11, 20), s1.shipDate());
        assertEquals("Jane Roe", s1.shipTo().name());
        assertEquals(WeightUnit.KG, s1.packages().get(0).weight().unit());
        assertEquals("P1", s1.packages().get(0).id());
        assertEquals("1Z999", s1.packages().get(0).trackingNumber());
        List<Party> parties = s1.parties();
        assertEquals(3, parties.size(), parties::toString);
        assertEquals(new Party(PartyRole.BUYER, null, "Banco Nacional de Cuba", null, null, null, "ES"), parties.get(0));
        assertEquals(new Party(PartyRole.FREIGHT_FORWARDER, null, "Example Forwarding", null, "Rotterdam", null, "NL"),
                parties.get(1));
        assertEquals(new Party(PartyRole.ULTIMATE_CONSIGNEE, "Viktor Bout", null, null, null, null, "DE"),
                parties.get(2));
        ShipmentColumns where = r.rows.get(2L).columns();
        assertEquals("party1_company", where.column("parties[0].company"));
        assertEquals("ultimate_consignee_name", where.column("parties[2].name"));
        assertEquals("ship_to_name", where.column("shipTo.name"));
        assertEquals("weight, weight_unit", where.column("packages[0].weight"));
        assertNull(where.sheet(), "a CSV has no worksheet");

        Shipment s2 = r.rows.get(3L).shipment();
        assertTrue(s2.parties().isEmpty(), "a row that fills no party column has no further party");
        assertEquals("DE", s2.shipTo().country());
        assertEquals(WeightUnit.LB, s2.packages().get(0).weight().unit(), "LB when weight_unit is blank");
    }

    @Test
    void aPartysIndexFollowsTheGroupsTheRowFills() throws Exception {
        Path csv = Sheets.csv(dir, "labels.csv", HEAD + "\n"
                + "S-3" + FROM + "Jane Roe,,Berlin,DE,1,,,,,,,BUYER,Example Buyer,Paris,FR,,\n");
        ShipmentSheetRow row = read(csv).rows.get(2L);
        assertEquals(PartyRole.BUYER, row.shipment().parties().get(0).role());
        assertEquals("party2_company", row.columns().column("parties[0].company"));
    }

    /** A CSV line of {@link #HEAD}: a parcel from Columbus to Jane Roe in Berlin, with the given columns set. */
    static String line(String id, String... columnsAndValues) {
        List<String> names = List.of(HEAD.split(","));
        Map<String, String> cells = new LinkedHashMap<>();
        for (String n : names) {
            cells.put(n, "");
        }
        cells.putAll(Map.of("shipment_id", id, "ship_date", "2026-11-20", "carrier", "UPS", "service",
                "WORLDWIDE_SAVER", "ship_from_company", "Example Outfitters", "ship_from_country", "US",
                "ship_to_name", "Jane Roe", "ship_to_city", "Berlin", "ship_to_country", "DE", "weight", "1"));
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            assertTrue(cells.containsKey(columnsAndValues[i]), columnsAndValues[i]);
            cells.put(columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return String.join(",", cells.values()) + "\n";
    }

    @Test
    void malformedPartiesAreRowErrorsNamingRowAndColumn() throws Exception {
        Path csv = Sheets.csv(dir, "labels.csv", HEAD + "\n"
                + line("S-4", "party1_role", "CUSTOMER", "party1_name", "Ann Lee", "party1_country", "FR")
                + line("S-5", "party1_name", "Ann Lee", "party1_country", "Germany")
                + line("S-6", "party1_role", "BUYER", "party1_country", "FR")
                + line("S-7", "ultimate_consignee_country", "Iran")
                + line("S-8", "ultimate_consignee_name", "Ali Reza"));
        Read r = read(csv);
        Map<Long, List<String>> byRow = new LinkedHashMap<>();
        for (RowError e : r.errors) {
            byRow.computeIfAbsent(e.row(), k -> new ArrayList<>()).add(e.column() + ": " + e.message());
        }
        assertEquals(List.of(2L, 3L, 4L, 5L), List.copyOf(byRow.keySet()), r.errors::toString);
        for (long row = 2; row <= 5; row++) {
            assertNull(r.rows.get(row), "row " + row + " is not audited");
        }
        assertEquals(List.of("party1_role: parties[0].role must be one of ULTIMATE_CONSIGNEE, INTERMEDIATE_CONSIGNEE, "
                + "IMPORTER_OF_RECORD, BUYER, FREIGHT_FORWARDER, got 'CUSTOMER'"), byRow.get(2L));
        assertEquals(List.of("party1_role: parties[0] (party1) has no role: write one of ULTIMATE_CONSIGNEE, "
                        + "INTERMEDIATE_CONSIGNEE, IMPORTER_OF_RECORD, BUYER, FREIGHT_FORWARDER",
                "party1_country: parties[0].country must be an ISO 3166-1 alpha-2 code such as US, got 'Germany'"),
                byRow.get(3L));
        assertEquals(List.of("party1_name: parties[0] (party1) has no name or company: a party is screened by its "
                + "name"), byRow.get(4L));
        assertEquals(List.of("ultimate_consignee_name: parties[0] (ultimate_consignee) has no name or company: a party "
                        + "is screened by its name",
                "ultimate_consignee_country: parties[0].country must be an ISO 3166-1 alpha-2 code such as US, got "
                        + "'Iran'"), byRow.get(5L));
        assertEquals("Ali Reza", r.rows.get(6L).shipment().parties().get(0).name(), "a name without a country is fine");
    }

    @Test
    void readsAWorkbookNamingItsSheet() throws Exception {
        Path xlsx = Sheets.xlsx(dir, "labels.xlsx", List.of(
                Sheets.row("Shipment ID", "Ship Date", "Carrier", "Service", "Ship From Country", "Ship To Company",
                        "Ship To Country", "Weight", "Party 1 Role", "Party 1 Company", "Party 1 Country"),
                Sheets.row("S-9", LocalDate.of(2026, 11, 20), "UPS", "WORLDWIDE_SAVER", "US", "Example Retail GmbH",
                        "DE", 3, "Ultimate consignee", "Islamic Revolutionary Guard Corps", "AE")));
        ShipmentSheetRow row = read(xlsx).rows.get(2L);
        assertEquals(LocalDate.of(2026, 11, 20), row.shipment().shipDate());
        assertEquals(new Party(PartyRole.ULTIMATE_CONSIGNEE, null, "Islamic Revolutionary Guard Corps", null, null, null,
                "AE"), row.shipment().parties().get(0));
        assertEquals("Party 1 Company", row.columns().column("parties[0].company"));
        assertEquals("Invoice", row.columns().sheet());
    }

    @Test
    void aHeaderWithoutTheRequiredColumnsIsRefusedNamingThem() throws Exception {
        Path csv = Sheets.csv(dir, "labels.csv", "shipment_id,carrier,service,ship_to_country,weight\nS1,UPS,GROUND,US,5\n");
        InvoiceSheetException e = assertThrows(InvoiceSheetException.class, () -> read(csv));
        assertEquals(422, e.reason().status());
        assertTrue(e.getMessage().contains("ship_date, ship_from_country"), e.getMessage());
    }
}
