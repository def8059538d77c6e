package org.shipaudit.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.shipaudit.model.lookup.BusinessNames;

/**
 * One billed charge of a carrier invoice, normalised by the sheet readers whatever the layout (generic long or wide,
 * UPS or FedEx billing data): weights in pounds, dimensions in inches, service as a canonical code, the charge typed.
 * A wide-layout row yields one ChargeLine per charge column, all with the same {@code row}. Immutable; the fact the
 * invoice rules reason about.
 *
 * @param row            the 1-based row number in the uploaded sheet (as a spreadsheet program shows it)
 * @param deliveredAt    delivery date and time when the invoice gives one (time 00:00 when only a date)
 * @param residential    the carrier's classification of the address, null when not given
 * @param chargeCode     the carrier's own code or column name, as written
 * @param publishedAmount the carrier's undiscounted charge for this line where the invoice states it besides the
 *                        amount billed (UPS billing data: incentive plus net amount), else null
 */
public record ChargeLine(
        long row,
        String invoiceNumber,
        LocalDate invoiceDate,
        String carrier,
        String accountNumber,
        String trackingNumber,
        LocalDate shipDate,
        LocalDateTime deliveredAt,
        String service,
        String zone,
        String senderPostalCode,
        String recipientCompany,
        String recipientAddress,
        String recipientCity,
        String recipientState,
        String recipientPostalCode,
        String recipientCountry,
        Boolean residential,
        Double actualWeightLb,
        Double billedWeightLb,
        Double lengthIn,
        Double widthIn,
        Double heightIn,
        ChargeType chargeType,
        String chargeCode,
        String chargeDescription,
        BigDecimal amount,
        String currency,
        BigDecimal publishedAmount) {

    /** A line whose invoice states no published charge besides the amount (FedEx, generic layouts). */
    public ChargeLine(long row, String invoiceNumber, LocalDate invoiceDate, String carrier, String accountNumber,
                      String trackingNumber, LocalDate shipDate, LocalDateTime deliveredAt, String service, String zone,
                      String senderPostalCode, String recipientCompany, String recipientAddress, String recipientCity,
                      String recipientState, String recipientPostalCode, String recipientCountry, Boolean residential,
                      Double actualWeightLb, Double billedWeightLb, Double lengthIn, Double widthIn, Double heightIn,
                      ChargeType chargeType, String chargeCode, String chargeDescription, BigDecimal amount,
                      String currency) {
        this(row, invoiceNumber, invoiceDate, carrier, accountNumber, trackingNumber, shipDate, deliveredAt, service,
                zone, senderPostalCode, recipientCompany, recipientAddress, recipientCity, recipientState,
                recipientPostalCode, recipientCountry, residential, actualWeightLb, billedWeightLb, lengthIn, widthIn,
                heightIn, chargeType, chargeCode, chargeDescription, amount, currency, null);
    }

    /** Where this charge is in the upload, for findings: its row and the package's tracking number. */
    public UploadRow subject() {
        return new UploadRow(row, trackingNumber);
    }

    /** The recipient company field names a business, not a person ({@link BusinessNames}). */
    public boolean recipientIsBusiness() {
        return BusinessNames.looksLikeBusiness(recipientCompany);
    }

    /** Shipped on or after an ISO date; used by effective-dated table rows. */
    public boolean shippedOnOrAfter(String isoDate) {
        return shipDate != null && !shipDate.isBefore(TableDates.parse(isoDate));
    }

    /** Shipped on or before an ISO date (inclusive end of validity). */
    public boolean shippedOnOrBefore(String isoDate) {
        return shipDate != null && !shipDate.isAfter(TableDates.parse(isoDate));
    }
}
