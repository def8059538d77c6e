package org.shipaudit.sheets;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.shipaudit.model.ChargeLine;
import org.shipaudit.model.ChargeType;

/** The package fields of one row, filled by a profile, stamped onto each charge the row carries. */
final class LineBuilder {
    long row;
    String invoiceNumber;
    LocalDate invoiceDate;
    String carrier;
    String accountNumber;
    String trackingNumber;
    LocalDate shipDate;
    LocalDateTime deliveredAt;
    String service;
    String zone;
    String senderPostalCode;
    String recipientCompany;
    String recipientAddress;
    String recipientCity;
    String recipientState;
    String recipientPostalCode;
    String recipientCountry;
    Boolean residential;
    Double actualWeightLb;
    Double billedWeightLb;
    Double lengthIn;
    Double widthIn;
    Double heightIn;
    String currency;
    /** The carrier's undiscounted charge of the next line, when the layout states one; cleared by each line. */
    BigDecimal publishedAmount;

    void clear(long row) {
        this.row = row;
        invoiceNumber = null;
        invoiceDate = null;
        carrier = null;
        accountNumber = null;
        trackingNumber = null;
        shipDate = null;
        deliveredAt = null;
        service = null;
        zone = null;
        senderPostalCode = null;
        recipientCompany = null;
        recipientAddress = null;
        recipientCity = null;
        recipientState = null;
        recipientPostalCode = null;
        recipientCountry = null;
        residential = null;
        actualWeightLb = null;
        billedWeightLb = null;
        lengthIn = null;
        widthIn = null;
        heightIn = null;
        currency = null;
        publishedAmount = null;
    }

    ChargeLine line(ChargeType type, String code, String description, BigDecimal amount) {
        BigDecimal published = publishedAmount;
        publishedAmount = null;
        return new ChargeLine(row, invoiceNumber, invoiceDate, carrier, accountNumber, trackingNumber, shipDate,
                deliveredAt, service, zone, senderPostalCode, recipientCompany, recipientAddress, recipientCity,
                recipientState, recipientPostalCode, recipientCountry, residential, actualWeightLb, billedWeightLb,
                lengthIn, widthIn, heightIn, type, code, description, amount, currency == null ? "USD" : currency,
                published);
    }
}
