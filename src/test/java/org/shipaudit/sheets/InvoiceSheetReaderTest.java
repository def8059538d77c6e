package org.shipaudit.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shipaudit.sheets.Sheets.row;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.model.ChargeLine;
import org.shipaudit.model.ChargeType;
import org.shipaudit.model.RowError;

class InvoiceSheetReaderTest {

    @TempDir
    Path dir;

    private SheetSummary read(InvoiceProfile profile, Path file, Sheets.Collected out) throws Exception {
        return new InvoiceSheetReader(profile).read(file, out);
    }

    @Test
    void readsTheGenericLongLayoutOneChargePerRow() throws Exception {
        Path f = Sheets.csv(dir, "long.csv", Sheets.GENERIC_LONG_HEADER + "\n"
                + "INV-1,2026-11-20,ups,A1,1Z001,2026-11-16,2026-11-18T14:30:00-05:00,Ground,5,20020,Y,12.5,15,LB,"
                + "20,12,10,IN,FRT,Transportation,\"1,234.56\",USD\n"
                + "INV-1,2026-11-20,UPS,A1,1Z001,2026-11-16,,Ground,5,20020,Y,5.67,7,KG,50.8,30.48,25.4,CM,RES,"
                + "Residential Surcharge,$4.95,\n");
        Sheets.Collected out = new Sheets.Collected();
        SheetSummary s = read(InvoiceProfile.GENERIC, f, out);
        assertEquals("generic", s.profile());
        assertEquals(SheetSummary.Layout.LONG, s.layout());
        assertEquals(1, s.headerRow());
        assertEquals(2, s.rowsRead());
        assertEquals(2, s.chargeLines());
        ChargeLine freight = out.lines().get(0);
        assertEquals(2, freight.row());
        assertEquals("rows[2]", freight.subject().subject());
        assertEquals(freight.trackingNumber(), freight.subject().trackingNumber());
        assertEquals("UPS", freight.carrier());
        assertEquals("GROUND", freight.service());
        assertEquals(ChargeType.FREIGHT, freight.chargeType());
        assertEquals(new BigDecimal("1234.56"), freight.amount());
        assertEquals(LocalDate.of(2026, 11, 20), freight.invoiceDate());
        assertEquals(LocalDateTime.of(2026, 11, 18, 14, 30), freight.deliveredAt());
        assertEquals(Boolean.TRUE, freight.residential());
        assertEquals(12.5, freight.actualWeightLb());
        ChargeLine res = out.lines().get(1);
        assertEquals(ChargeType.RESIDENTIAL_SURCHARGE, res.chargeType());
        assertEquals(new BigDecimal("4.95"), res.amount());
        assertEquals(5.67 * 2.2046226218, res.actualWeightLb(), 1e-9);
        assertEquals(20.0, res.lengthIn(), 1e-9);
        assertEquals("USD", res.currency());
        assertTrue(out.errors().isEmpty(), out.errors().toString());
    }

    @Test
    void readsTheGenericWideLayoutOneLinePerNonZeroChargeColumn() throws Exception {
        Path f = Sheets.csv(dir, "wide.csv", "Invoice Number,Invoice Date,Carrier,Tracking-Number,Ship Date,Service,"
                + "Actual Weight,Billed Weight,Freight,Fuel Surcharge,RESIDENTIAL_SURCHARGE,Delivery Area Surcharge,"
                + "other_charges\n"
                + "INV-2,11/20/2026,FEDEX,7946,11/16/26,FedEx Ground,3,4,10.00,1.20,0,\"(2.00)\",\n");
        Sheets.Collected out = new Sheets.Collected();
        SheetSummary s = read(InvoiceProfile.AUTO, f, out);
        assertEquals("generic", s.profile());
        assertEquals(SheetSummary.Layout.WIDE, s.layout());
        List<ChargeLine> lines = out.lines();
        assertEquals(3, lines.size(), lines.toString());
        assertEquals(List.of(ChargeType.FREIGHT, ChargeType.FUEL_SURCHARGE, ChargeType.DELIVERY_AREA_SURCHARGE),
                lines.stream().map(ChargeLine::chargeType).toList());
        assertEquals(new BigDecimal("-2.00"), lines.get(2).amount());
        assertEquals("Delivery Area Surcharge", lines.get(2).chargeCode());
        assertEquals("GROUND", lines.get(0).service());
        assertEquals(LocalDate.of(2026, 11, 16), lines.get(0).shipDate());
        assertTrue(lines.stream().allMatch(l -> l.row() == 2));
    }

    @Test
    void readsUpsBillingDataByPositionAndCarriesTheServiceToThePackagesOtherCharges() throws Exception {
        String ups = Sheets.upsRow(1, "2.1", 3, "A12345", 5, "2026-11-21", 6, "000012345X476", 10, "USD",
                21, "1Z999AA10123456784", 27, "10.0", 28, "L", 29, "12.0", 30, "L", 33, "12x10x8", 34, "005",
                35, "SHP", 44, "FRT", 45, "003", 46, "Ground Residential", 51, "USD", 53, "14.25", 73, "43215",
                76, "ACME", 77, "1745 T ST SE", 79, "WASHINGTON", 80, "DC", 81, "20020", 82, "US",
                117, "2026-11-16", 122, "2026-11-18")
                + Sheets.upsRow(3, "A12345", 5, "2026-11-21", 6, "000012345X476", 21, "1Z999AA10123456784",
                35, "SHP", 44, "ACC", 45, "RES", 46, "Residential Surcharge", 53, "5.10")
                + Sheets.upsRow(3, "A12345", 5, "2026-11-21", 6, "000012345X476", 21, "1Z999AA10123456784",
                35, "SHP", 44, "FSC", 46, "Fuel Surcharge", 53, "2.05")
                + Sheets.upsRow(3, "A12345", 5, "2026-11-21", 6, "000012345X476", 21, "1Z999AA10123456785",
                35, "ADJ", 44, "ACC", 46, "Shipping Charge Correction", 53, "7.00");
        Path f = Sheets.csv(dir, "ups.csv", ups);
        for (InvoiceProfile p : List.of(InvoiceProfile.UPS_BILLING, InvoiceProfile.AUTO)) {
            Sheets.Collected out = new Sheets.Collected();
            SheetSummary s = read(p, f, out);
            assertEquals("ups-billing", s.profile(), p.id());
            assertEquals(0, s.headerRow());
            assertEquals(4, s.rowsRead());
            List<ChargeLine> lines = out.lines();
            assertEquals(List.of(ChargeType.FREIGHT, ChargeType.RESIDENTIAL_SURCHARGE, ChargeType.FUEL_SURCHARGE,
                    ChargeType.ADJUSTMENT), lines.stream().map(ChargeLine::chargeType).toList());
            ChargeLine freight = lines.get(0);
            assertEquals(1, freight.row());
            assertEquals("UPS", freight.carrier());
            assertEquals("GROUND", freight.service());
            assertEquals("000012345X476", freight.invoiceNumber());
            assertEquals(LocalDate.of(2026, 11, 21), freight.invoiceDate());
            assertEquals(LocalDate.of(2026, 11, 16), freight.shipDate());
            assertEquals(10.0, freight.actualWeightLb());
            assertEquals(12.0, freight.billedWeightLb());
            assertEquals(12.0, freight.lengthIn());
            assertEquals(8.0, freight.heightIn());
            assertEquals("20020", freight.recipientPostalCode());
            assertEquals("43215", freight.senderPostalCode());
            assertEquals(new BigDecimal("14.25"), freight.amount());
            assertEquals("GROUND", lines.get(2).service(), "the fuel row has no service of its own");
            assertEquals(Boolean.TRUE, lines.get(2).residential());
            assertNull(lines.get(3).service(), "another package does not inherit the service");
            assertEquals("Tracking Number", out.header.get(20));
        }
    }

    /** Rows shaped as on the real UPS export of 2025-08-23 (rows 264-268, 818-819, 822, 826, 830): category first. */
    @Test
    void readsUpsCorrectionsReturnsAndAddressTypeFromTheCarriersCodes() throws Exception {
        String t = "1ZHE61320329689070";
        String ups = Sheets.upsRow(3, "A1", 5, "2025-08-23", 6, "INV", 21, t, 35, "SHP", 36, "ISS", 44, "FRT",
                45, "003", 46, "Ground Residential", 53, "12.80", 76, "SUSAN WILLIAMS", 117, "2025-08-14")
                + Sheets.upsRow(3, "A1", 5, "2025-08-23", 6, "INV", 21, t, 35, "SHP", 36, "ISS", 44, "ACC",
                45, "SIM", 46, "Special Incentive Modifier", 53, "-1.00")
                + Sheets.upsRow(3, "A1", 5, "2025-08-23", 6, "INV", 21, t, 35, "ADJ", 36, "ADC", 44, "FRT",
                45, "003", 46, "Address Correction Ground", 53, "23.50")
                + Sheets.upsRow(3, "A1", 5, "2025-08-23", 6, "INV", 21, t, 35, "ADJ", 36, "DIN", 44, "FRT",
                45, "003", 46, "Ground Return to Sender", 53, "9.34")
                + Sheets.upsRow(3, "A1", 5, "2025-08-23", 6, "INV", 21, t, 35, "ADJ", 36, "SCC", 44, "FRT",
                45, "003", 46, "Shipping Charge Correction Ground", 53, "0.48")
                + Sheets.upsRow(3, "A1", 5, "2025-08-23", 6, "INV", 21, t, 35, "ADJ", 36, "SCC", 44, "FSC",
                45, "FSC", 46, "Shipping Charge Correction Fuel Surcharge", 53, "0.07")
                + Sheets.upsRow(3, "A1", 5, "2025-08-23", 6, "INV", 21, "1ZOTHER", 35, "SHP", 36, "ISS",
                44, "FRT", 45, "003", 46, "Ground Commercial", 53, "7.33")
                + Sheets.upsRow(3, "A1", 5, "2025-08-02", 6, "INV", 35, "MIS", 36, "SVCH", 44, "FRT", 45, "NSS",
                46, "Payment Processing Fee", 53, "5.00");
        Sheets.Collected out = new Sheets.Collected();
        read(InvoiceProfile.UPS_BILLING, Sheets.csv(dir, "ups-adj.csv", ups), out);
        List<ChargeLine> lines = out.lines();
        assertEquals(List.of(ChargeType.FREIGHT, ChargeType.DISCOUNT, ChargeType.ADDRESS_CORRECTION,
                ChargeType.RETURN, ChargeType.ADJUSTMENT, ChargeType.ADJUSTMENT, ChargeType.FREIGHT,
                ChargeType.SERVICE_FEE), lines.stream().map(ChargeLine::chargeType).toList());
        assertEquals(Boolean.TRUE, lines.get(0).residential(), "UPS says Residential in the freight description");
        assertEquals(Boolean.FALSE, lines.get(6).residential(), "UPS says Commercial in the freight description");
    }

    @Test
    void readsFedexBillingOnlineWithRepeatedChargePairs() throws Exception {
        StringBuilder header = new StringBuilder("Bill to Account Number,Invoice Date,Invoice Number,"
                + "Express or Ground Tracking ID,Transportation Charge Amount,Net Charge Amount,Service Type,"
                + "Ground Service,Shipment Date,POD Delivery Date,POD Delivery Time,Actual Weight Amount,"
                + "Actual Weight Units,Rated Weight Amount,Rated Weight Units,Dim Length,Dim Width,Dim Height,Dim Unit,"
                + "Recipient Company,Recipient Zip Code,Zone Code");
        for (int i = 0; i < 25; i++) {
            header.append(",Tracking ID Charge Description,Tracking ID Charge Amount");
        }
        String data = "123456789,20261120,7-123-45678,794612345678,20.50,26.10,FedEx 2Day,,20261116,20261118,"
                + "1030,2,L,3,L,30,20,10,C,ACME,20020,2,Fuel Surcharge,1.60,Residential Delivery Charge,5.00,"
                + "Discount,-1.00" + ",".repeat(44) + "\n";
        Path f = Sheets.csv(dir, "fedex.csv", header + "\n" + data);
        for (InvoiceProfile p : List.of(InvoiceProfile.FEDEX_BILLING, InvoiceProfile.AUTO)) {
            Sheets.Collected out = new Sheets.Collected();
            SheetSummary s = read(p, f, out);
            assertEquals("fedex-billing", s.profile());
            assertEquals(SheetSummary.Layout.WIDE, s.layout());
            List<ChargeLine> lines = out.lines();
            assertEquals(List.of(ChargeType.FREIGHT, ChargeType.FUEL_SURCHARGE, ChargeType.RESIDENTIAL_SURCHARGE,
                    ChargeType.DISCOUNT), lines.stream().map(ChargeLine::chargeType).toList());
            assertEquals("SECOND_DAY_AIR", lines.get(0).service());
            assertEquals(LocalDateTime.of(2026, 11, 18, 10, 30), lines.get(0).deliveredAt());
            assertEquals(Boolean.TRUE, lines.get(0).residential());
            assertEquals(30 / 2.54, lines.get(0).lengthIn(), 1e-9);
            assertEquals(new BigDecimal("-1.00"), lines.get(3).amount());
            assertEquals("FEDEX", lines.get(3).carrier());
            assertEquals("794612345678", lines.get(3).trackingNumber());
        }
    }

    @Test
    void readsAFedexReturnManagerRowAsAReturnAndARepeatedNameAsAPerson() throws Exception {
        StringBuilder header = new StringBuilder("Invoice Date,Invoice Number,Express or Ground Tracking ID,"
                + "Transportation Charge Amount,Service Type,Ground Service,Recipient Name,Recipient Company");
        for (int i = 0; i < 3; i++) {
            header.append(",Tracking ID Charge Description,Tracking ID Charge Amount");
        }
        String data = "20250804,496609257,391626152992,40.79,Ground,Return Manager,REDACTED_1,REDACTED_1,"
                + "Fuel Surcharge,6.10,Earned Discount,-4.08,,\n"
                + "20250804,496609257,391626152993,12.00,Home Delivery,Prepaid,J DOE,ACME LLC,Residential,5.55,,,,\n";
        Sheets.Collected out = new Sheets.Collected();
        read(InvoiceProfile.FEDEX_BILLING, Sheets.csv(dir, "fedex-rtn.csv", header + "\n" + data), out);
        List<ChargeLine> lines = out.lines();
        assertEquals(List.of(ChargeType.RETURN, ChargeType.FUEL_SURCHARGE, ChargeType.DISCOUNT, ChargeType.FREIGHT,
                ChargeType.RESIDENTIAL_SURCHARGE), lines.stream().map(ChargeLine::chargeType).toList());
        assertNull(lines.get(0).recipientCompany(), "FedEx repeats the person's name as the company");
        assertEquals("ACME LLC", lines.get(3).recipientCompany());
    }

    @Test
    void readsACustomLayoutThroughASavedColumnMapping() throws Exception {
        ColumnMapping mapping = ColumnMapping.fromJson(new ByteArrayInputStream("""
                {"name": "acme-dhl", "carrier": "DHL", "columns": {
                  "Waybill": "tracking_number", "Inv No": "invoice_number", "Inv Date": "invoice_date",
                  "Pickup": "ship_date", "Product": "service", "Kg": "actual_weight", "Chargeable Kg": "billed_weight",
                  "Unit": "weight_unit", "Charge": "charge_description", "Amount": "charge_amount"}}
                """.getBytes(StandardCharsets.UTF_8)));
        Path f = Sheets.csv(dir, "dhl.csv", "Waybill;Inv No;Inv Date;Pickup;Product;Kg;Chargeable Kg;Unit;Charge;Amount\n"
                + "JD0001;D-9;20.11.2026;16.11.2026;Express Worldwide;1,5;2;KG;Fuel Surcharge;12,34\n");
        Sheets.Collected out = new Sheets.Collected();
        SheetSummary s = new InvoiceSheetReader(mapping).read(f, out);
        assertEquals("mapping:acme-dhl", s.profile());
        ChargeLine l = out.lines().get(0);
        assertEquals("DHL", l.carrier());
        assertEquals("JD0001", l.trackingNumber());
        assertEquals(new BigDecimal("12.34"), l.amount());
        assertEquals(ChargeType.FUEL_SURCHARGE, l.chargeType());
        assertEquals(LocalDate.of(2026, 11, 20), l.invoiceDate());
        assertEquals(1.5 * 2.2046226218, l.actualWeightLb(), 1e-9);
        assertTrue(out.errors().isEmpty(), out.errors().toString());
        assertEquals(mapping, ColumnMapping.fromJson(new ByteArrayInputStream(
                mapping.toJson().getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void refusesAMappingToUnknownColumnsNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ColumnMapping("x", null, Map.of("Waybill", "trackingnum")));
        assertTrue(e.getMessage().contains("Waybill -> trackingnum"), e.getMessage());
    }

    @Test
    void listsTheMissingRequiredColumns() throws Exception {
        Path f = Sheets.csv(dir, "partial.csv", "invoice_number,carrier,tracking_number,service,charge_amount\n"
                + "I,UPS,1Z,GROUND,1.00\n");
        InvoiceSheetException e = assertThrows(InvoiceSheetException.class,
                () -> read(InvoiceProfile.AUTO, f, new Sheets.Collected()));
        assertEquals(422, e.status());
        assertEquals(List.of("invoice_date", "ship_date", "actual_weight", "billed_weight"), e.missingColumns());
        assertTrue(e.getMessage().contains("invoice_date, ship_date, actual_weight, billed_weight"), e.getMessage());
    }

    @Test
    void readsBomSemicolonsDecimalCommasAndLineBreaksInsideQuotes() throws Exception {
        Path f = Sheets.csv(dir, "eu.csv", "\uFEFF" + Sheets.GENERIC_LONG_HEADER.replace(',', ';') + "\r\n"
                + "INV-3;2026-11-20;DHL;;JD1;2026-11-16;;Express Worldwide;;;N;1,5;2;;;;;;FRT;\"Freight,\r\nline two\";"
                + "\"1.234,56\";EUR\r\n");
        Sheets.Collected out = new Sheets.Collected();
        read(InvoiceProfile.AUTO, f, out);
        ChargeLine l = out.lines().get(0);
        assertEquals(new BigDecimal("1234.56"), l.amount());
        assertEquals("Freight,\r\nline two", l.chargeDescription());
        assertEquals(1.5, l.actualWeightLb());
        assertEquals("EUR", l.currency());
        assertEquals(Boolean.FALSE, l.residential());
    }

    @Test
    void readsDatesInFiveFormats() throws Exception {
        String header = "invoice_number,invoice_date,carrier,tracking_number,ship_date,delivery_date,service,"
                + "actual_weight,billed_weight,freight\n";
        Path f = Sheets.csv(dir, "dates.csv", header
                + "I,2026-11-20,UPS,T1,11/16/2026,2026-11-18T14:30:00-05:00,GROUND,1,1,1\n"
                + "I,11/20/26,UPS,T2,20-Nov-2026,20261118,GROUND,1,1,1\n"
                + "I,20261120,UPS,T3,46343,18-Nov-26,GROUND,1,1,1\n");
        Sheets.Collected out = new Sheets.Collected();
        read(InvoiceProfile.AUTO, f, out);
        assertTrue(out.errors().isEmpty(), out.errors().toString());
        List<ChargeLine> l = out.lines();
        assertTrue(l.stream().allMatch(x -> x.invoiceDate().equals(LocalDate.of(2026, 11, 20))));
        assertEquals(LocalDate.of(2026, 11, 16), l.get(0).shipDate());
        assertEquals(LocalDate.of(2026, 11, 20), l.get(1).shipDate());
        assertEquals(LocalDate.of(2026, 11, 17), l.get(2).shipDate(), "Excel serial 46343");
        assertEquals(LocalDateTime.of(2026, 11, 18, 14, 30), l.get(0).deliveredAt());
        assertEquals(LocalDateTime.of(2026, 11, 18, 0, 0), l.get(1).deliveredAt());
        assertEquals(LocalDateTime.of(2026, 11, 18, 0, 0), l.get(2).deliveredAt());
    }

    @Test
    void textInAnAmountColumnIsARowErrorAndTheReadGoesOn() throws Exception {
        Path f = Sheets.csv(dir, "bad.csv", Sheets.GENERIC_LONG_HEADER + "\n"
                + "I,2026-11-20,UPS,,1Z1,2026-11-16,,GROUND,,,,1,1,,,,,,FRT,,abc,\n"
                + "I,2026-11-20,UPS,,1Z2,not a date,,GROUND,,,maybe,1,1,,,,,,FRT,,9.99,\n");
        Sheets.Collected out = new Sheets.Collected();
        SheetSummary s = read(InvoiceProfile.AUTO, f, out);
        assertEquals(2, s.rowsRead());
        assertEquals(2, s.rowsWithErrors());
        assertEquals(1, s.chargeLines());
        assertEquals(new RowError(2, "charge_amount", "not an amount: 'abc'"), out.rows.get(0).errors().get(0));
        List<RowError> second = out.rows.get(1).errors();
        assertEquals(3, second.get(0).row());
        assertEquals("ship_date", second.get(0).column());
        assertTrue(second.get(0).message().startsWith("not a date: 'not a date'"), second.get(0).message());
        assertEquals("residential", second.get(1).column());
    }

    @Test
    void readsXlsxCellsTypedDatesFormulasAndAHeaderBelowATitle() throws Exception {
        Path f = Sheets.xlsx(dir, "inv.xlsx", List.of(
                row("ACME carrier invoices, week 47"),
                row(),
                row("Invoice Number", "Invoice Date", "Carrier", "Tracking Number", "Ship Date", "Service",
                        "Actual Weight", "Billed Weight", "Freight", "Fuel Surcharge", "Other Charges"),
                row("0001234", LocalDate.of(2026, 11, 20), "UPS", "1Z1", "2026-11-16", "Next Day Air Saver", 2.5, 3,
                        12.3, "=I4*0.1", -1.5)));
        Sheets.Collected out = new Sheets.Collected();
        SheetSummary s = read(InvoiceProfile.AUTO, f, out);
        assertEquals("Invoice", s.sheetName());
        assertEquals(3, s.headerRow());
        assertEquals(3, out.headerRow);
        SheetRow r = out.rows.get(0);
        assertEquals(4, r.row());
        assertEquals("2026-11-20", r.cells().get(1));
        List<ChargeLine> lines = r.lines();
        assertEquals(3, lines.size(), lines.toString());
        assertEquals("0001234", lines.get(0).invoiceNumber());
        assertEquals(LocalDate.of(2026, 11, 20), lines.get(0).invoiceDate());
        assertEquals("NEXT_DAY_AIR_SAVER", lines.get(0).service());
        assertEquals(new BigDecimal("12.3"), lines.get(0).amount());
        assertEquals(new BigDecimal("1.23"), lines.get(1).amount(), "the formula's cached value");
        assertEquals(new BigDecimal("-1.5"), lines.get(2).amount());
    }

    @Test
    void findsTheHeaderOnALaterSheet() throws Exception {
        Path f = dir.resolve("two.xlsx");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var o = java.nio.file.Files.newOutputStream(f)) {
            wb.createSheet("Notes").createRow(0).createCell(0).setCellValue("Exported from the carrier portal");
            var s = wb.createSheet("Data");
            String[] h = {"invoice_number", "invoice_date", "carrier", "tracking_number", "ship_date", "service",
                "actual_weight", "billed_weight", "freight"};
            String[] v = {"I", "2026-11-20", "UPS", "1Z", "2026-11-16", "GROUND", "1", "1", "5"};
            for (int i = 0; i < h.length; i++) {
                s.createRow(0).getCell(0);
            }
            var hr = s.getRow(0);
            var vr = s.createRow(1);
            for (int i = 0; i < h.length; i++) {
                hr.createCell(i).setCellValue(h[i]);
                vr.createCell(i).setCellValue(v[i]);
            }
            wb.write(o);
        }
        Sheets.Collected out = new Sheets.Collected();
        SheetSummary s = read(InvoiceProfile.AUTO, f, out);
        assertEquals("Data", s.sheetName());
        assertEquals(1, s.chargeLines());
        assertFalse(out.rows.isEmpty());
    }

    @Test
    void theConsumersOwnFailureReachesTheCallerUnchanged() throws Exception {
        Path f = Sheets.xlsx(dir, "one.xlsx", List.of(
                row("invoice_number", "invoice_date", "carrier", "tracking_number", "ship_date", "service",
                        "actual_weight", "billed_weight", "freight"),
                row("I", "2026-11-20", "UPS", "1Z", "2026-11-16", "GROUND", 1, 1, 5)));
        java.io.IOException disk = new java.io.IOException("disk full");
        java.io.IOException e = assertThrows(java.io.IOException.class,
                () -> new InvoiceSheetReader(InvoiceProfile.AUTO).read(f, r -> {
                    throw disk;
                }));
        assertTrue(e == disk, e.toString());
        IllegalStateException bug = new IllegalStateException("bug in the consumer");
        assertTrue(bug == assertThrows(IllegalStateException.class,
                () -> new InvoiceSheetReader(InvoiceProfile.AUTO).read(f, r -> {
                    throw bug;
                })));
    }
}
