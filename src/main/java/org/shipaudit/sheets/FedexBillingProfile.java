package org.shipaudit.sheets;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.shipaudit.model.ChargeLine;
import org.shipaudit.model.ChargeType;
import org.shipaudit.model.RowError;

/**
 * The {@code fedex-billing} profile: FedEx Billing Online CSV, a header row and one row per tracking number. The
 * transportation charge has its own column; every other charge (fuel, residential, discounts...) is one of the
 * repeated "Tracking ID Charge Description" / "Tracking ID Charge Amount" pairs, each of which becomes a charge line.
 * Columns are found by name, so an export with fewer or reordered columns reads the same.
 */
final class FedexBillingProfile {

    private FedexBillingProfile() {
    }

    static boolean isHeader(List<String> row) {
        List<String> keys = row.stream().map(GenericProfile::key).toList();
        return keys.contains("expressorgroundtrackingid") && keys.contains("trackingidchargedescription");
    }

    static Binding bind(List<String> header, long headerRow, boolean decimalComma) throws InvoiceSheetException {
        List<String> missing = new ArrayList<>();
        for (String required : List.of("Invoice Number", "Invoice Date", "Express or Ground Tracking ID",
                "Transportation Charge Amount", "Tracking ID Charge Description", "Tracking ID Charge Amount")) {
            if (index(header, required) < 0) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            throw new InvoiceSheetException(InvoiceSheetException.Reason.MISSING_COLUMNS, "The FedEx billing header in row "
                    + headerRow + " lacks: " + String.join(", ", missing) + ".", missing, null);
        }
        return new Binding("fedex-billing", SheetSummary.Layout.WIDE, headerRow, header,
                new Mapper(header, decimalComma), false);
    }

    static int index(List<String> header, String name) {
        String k = GenericProfile.key(name);
        for (int i = 0; i < header.size(); i++) {
            if (GenericProfile.key(header.get(i)).equals(k)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A US ZIP as FedEx Billing Online exports it: ZIP+4 plus the two-digit delivery point (11 digits), and read back
     * by a spreadsheet without its leading zero (10, 8 or 4 digits; MANIFEST, carrier_invoices). Answers ZIP or
     * ZIP+4 ("35504-8844", "01810-3655"); anything else as written.
     */
    static String fedexZip(String zip) {
        if (zip == null || !zip.chars().allMatch(Character::isDigit)) {
            return zip;
        }
        String z = switch (zip.length()) {
            case 4, 8, 10 -> "0" + zip;
            default -> zip;
        };
        return switch (z.length()) {
            case 5 -> z;
            case 9, 11 -> z.substring(0, 5) + "-" + z.substring(5, 9);
            default -> zip;
        };
    }

    private static final class Mapper implements RowMapper {
        private final Cells c;
        private final LineBuilder b = new LineBuilder();
        private final int account;
        private final int invoiceDate;
        private final int invoiceNumber;
        private final int tracking;
        private final int transportation;
        private final int serviceType;
        private final int groundService;
        private final int shipDate;
        private final int podDate;
        private final int podTime;
        private final int actualWeight;
        private final int actualWeightUnit;
        private final int ratedWeight;
        private final int ratedWeightUnit;
        private final int length;
        private final int width;
        private final int height;
        private final int dimUnit;
        private final int company;
        private final int recipientName;
        private final int address;
        private final int city;
        private final int state;
        private final int postal;
        private final int country;
        private final int senderPostal;
        private final int zone;
        private final int[] descriptions;
        private final int[] amounts;

        Mapper(List<String> header, boolean decimalComma) {
            c = new Cells(header, decimalComma);
            account = index(header, "Bill to Account Number");
            invoiceDate = index(header, "Invoice Date");
            invoiceNumber = index(header, "Invoice Number");
            tracking = index(header, "Express or Ground Tracking ID");
            transportation = index(header, "Transportation Charge Amount");
            serviceType = index(header, "Service Type");
            groundService = index(header, "Ground Service");
            shipDate = index(header, "Shipment Date");
            podDate = index(header, "POD Delivery Date");
            podTime = index(header, "POD Delivery Time");
            actualWeight = index(header, "Actual Weight Amount");
            actualWeightUnit = index(header, "Actual Weight Units");
            ratedWeight = index(header, "Rated Weight Amount");
            ratedWeightUnit = index(header, "Rated Weight Units");
            length = index(header, "Dim Length");
            width = index(header, "Dim Width");
            height = index(header, "Dim Height");
            dimUnit = index(header, "Dim Unit");
            company = index(header, "Recipient Company");
            recipientName = index(header, "Recipient Name");
            address = index(header, "Recipient Address Line 1");
            city = index(header, "Recipient City");
            state = index(header, "Recipient State");
            postal = index(header, "Recipient Zip Code");
            country = index(header, "Recipient Country/Territory");
            senderPostal = index(header, "Shipper Zip Code");
            zone = index(header, "Zone Code");
            List<Integer> d = new ArrayList<>();
            List<Integer> a = new ArrayList<>();
            String desc = GenericProfile.key("Tracking ID Charge Description");
            String amt = GenericProfile.key("Tracking ID Charge Amount");
            for (int i = 0; i + 1 < header.size(); i++) {
                if (GenericProfile.key(header.get(i)).equals(desc) && GenericProfile.key(header.get(i + 1)).equals(amt)) {
                    d.add(i);
                    a.add(i + 1);
                }
            }
            descriptions = d.stream().mapToInt(Integer::intValue).toArray();
            amounts = a.stream().mapToInt(Integer::intValue).toArray();
        }

        @Override
        public void map(long row, List<String> cells, List<ChargeLine> lines, List<RowError> errors) {
            c.at(row, cells, errors);
            b.clear(row);
            b.carrier = "FEDEX";
            b.accountNumber = c.text(account);
            b.invoiceDate = c.date(invoiceDate);
            b.invoiceNumber = c.text(invoiceNumber);
            b.trackingNumber = c.text(tracking);
            String service = c.text(serviceType);
            b.service = c.service(service != null ? service : c.text(groundService));
            b.shipDate = c.date(shipDate);
            b.deliveredAt = c.dateTime(podDate);
            String time = c.text(podTime);
            if (b.deliveredAt != null && time != null) {
                java.time.LocalDateTime withTime = Values.dateTime(b.deliveredAt.toLocalDate() + " " + time);
                if (withTime != null) {
                    b.deliveredAt = withTime;
                }
            }
            b.actualWeightLb = c.pounds(actualWeight, actualWeightUnit);
            b.billedWeightLb = c.pounds(ratedWeight, ratedWeightUnit);
            b.lengthIn = c.inches(length, dimUnit);
            b.widthIn = c.inches(width, dimUnit);
            b.heightIn = c.inches(height, dimUnit);
            // FedEx repeats the recipient's name as the company when there is none: that is a person, not a company.
            String companyName = c.text(company);
            b.recipientCompany = companyName != null && companyName.equalsIgnoreCase(c.text(recipientName))
                    ? null : companyName;
            b.recipientAddress = c.text(address);
            b.recipientCity = c.text(city);
            b.recipientState = c.text(state);
            b.recipientPostalCode = fedexZip(c.text(postal));
            b.recipientCountry = c.text(country);
            b.senderPostalCode = c.text(senderPostal);
            b.zone = c.text(zone);
            if (b.trackingNumber == null) {
                c.error(tracking, "no tracking number");
            }
            // The residential classification is not a column: it shows as a residential charge, or the service.
            boolean residential = "HOME_DELIVERY".equals(b.service);
            List<String> codes = new ArrayList<>(4);
            List<BigDecimal> values = new ArrayList<>(4);
            for (int i = 0; i < descriptions.length; i++) {
                String description = c.text(descriptions[i]);
                BigDecimal amount = c.amount(amounts[i]);
                if (amount == null) {
                    continue;
                }
                codes.add(description);
                values.add(amount);
                residential |= ChargeTypes.classify("FEDEX", null, description) == ChargeType.RESIDENTIAL_SURCHARGE;
            }
            b.residential = residential ? Boolean.TRUE : null;
            BigDecimal freight = c.amount(transportation);
            if (freight != null) {
                // A FedEx Ground return (Ground Service "Return Manager", "Print Return Label"...) is billed under the
                // outbound's tracking number or next to it: its transportation is a return, never a second bill.
                String ground = c.text(groundService);
                ChargeType type = ground != null && ground.toUpperCase(java.util.Locale.ROOT).contains("RETURN")
                        ? ChargeType.RETURN : ChargeType.FREIGHT;
                lines.add(b.line(type, "Transportation Charge", "Transportation Charge Amount", freight));
            }
            for (int i = 0; i < codes.size(); i++) {
                String description = codes.get(i);
                lines.add(b.line(ChargeTypes.classify("FEDEX", null, description), description, description, values.get(i)));
            }
        }
    }
}
