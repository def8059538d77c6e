package org.shipaudit.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Builds a {@link ChargeLine} by name in tests, instead of 28 positional arguments most of which are null: a test
 * says what matters to it ({@code .tracking("1Z...").freight("12.50")}) and reads as such. Unset fields are null, as
 * a reader leaves a column the file does not have; {@link #of(ChargeLine)} starts from an existing line.
 */
public final class ChargeLineBuilder {

    private long row = 2;
    private String invoiceNumber;
    private LocalDate invoiceDate;
    private String carrier;
    private String accountNumber;
    private String trackingNumber;
    private LocalDate shipDate;
    private LocalDateTime deliveredAt;
    private String service;
    private String zone;
    private String senderPostalCode;
    private String recipientCompany;
    private String recipientAddress;
    private String recipientCity;
    private String recipientState;
    private String recipientPostalCode;
    private String recipientCountry;
    private Boolean residential;
    private Double actualWeightLb;
    private Double billedWeightLb;
    private Double lengthIn;
    private Double widthIn;
    private Double heightIn;
    private ChargeType chargeType;
    private String chargeCode;
    private String chargeDescription;
    private BigDecimal amount;
    private BigDecimal publishedAmount;
    private String currency = "USD";

    public static ChargeLineBuilder line(long row) {
        ChargeLineBuilder b = new ChargeLineBuilder();
        b.row = row;
        return b;
    }

    public static ChargeLineBuilder of(ChargeLine l) {
        ChargeLineBuilder b = line(l.row()).invoice(l.invoiceNumber(), l.invoiceDate()).carrier(l.carrier())
                .account(l.accountNumber()).tracking(l.trackingNumber()).shipped(l.shipDate())
                .deliveredAt(l.deliveredAt()).service(l.service()).zone(l.zone()).senderPostalCode(l.senderPostalCode())
                .recipientCompany(l.recipientCompany()).residential(l.residential())
                .recipient(l.recipientAddress(), l.recipientCity(), l.recipientState(), l.recipientPostalCode(),
                        l.recipientCountry())
                .weights(l.actualWeightLb(), l.billedWeightLb()).dimensions(l.lengthIn(), l.widthIn(), l.heightIn())
                .charge(l.chargeType(), l.chargeCode(), l.chargeDescription());
        b.amount = l.amount();
        b.publishedAmount = l.publishedAmount();
        b.currency = l.currency();
        return b;
    }

    public ChargeLineBuilder invoice(String number, LocalDate date) {
        this.invoiceNumber = number;
        this.invoiceDate = date;
        return this;
    }

    public ChargeLineBuilder carrier(String carrier) {
        this.carrier = carrier;
        return this;
    }

    public ChargeLineBuilder account(String accountNumber) {
        this.accountNumber = accountNumber;
        return this;
    }

    public ChargeLineBuilder tracking(String trackingNumber) {
        this.trackingNumber = trackingNumber;
        return this;
    }

    public ChargeLineBuilder shipped(LocalDate shipDate) {
        this.shipDate = shipDate;
        return this;
    }

    public ChargeLineBuilder deliveredAt(LocalDateTime deliveredAt) {
        this.deliveredAt = deliveredAt;
        return this;
    }

    public ChargeLineBuilder service(String service) {
        this.service = service;
        return this;
    }

    public ChargeLineBuilder zone(String zone) {
        this.zone = zone;
        return this;
    }

    public ChargeLineBuilder senderPostalCode(String senderPostalCode) {
        this.senderPostalCode = senderPostalCode;
        return this;
    }

    public ChargeLineBuilder recipientCompany(String recipientCompany) {
        this.recipientCompany = recipientCompany;
        return this;
    }

    public ChargeLineBuilder recipient(String address, String city, String state, String postalCode, String country) {
        this.recipientAddress = address;
        this.recipientCity = city;
        this.recipientState = state;
        this.recipientPostalCode = postalCode;
        this.recipientCountry = country;
        return this;
    }

    public ChargeLineBuilder residential(Boolean residential) {
        this.residential = residential;
        return this;
    }

    public ChargeLineBuilder weights(Double actualLb, Double billedLb) {
        this.actualWeightLb = actualLb;
        this.billedWeightLb = billedLb;
        return this;
    }

    public ChargeLineBuilder dimensions(Double lengthIn, Double widthIn, Double heightIn) {
        this.lengthIn = lengthIn;
        this.widthIn = widthIn;
        this.heightIn = heightIn;
        return this;
    }

    public ChargeLineBuilder charge(ChargeType type, String code, String description) {
        this.chargeType = type;
        this.chargeCode = code;
        this.chargeDescription = description;
        return this;
    }

    public ChargeLineBuilder amount(String amount, String currency) {
        this.amount = new BigDecimal(amount);
        this.currency = currency;
        return this;
    }

    /** The carrier's undiscounted charge besides the amount billed, as UPS billing data states it. */
    public ChargeLineBuilder published(String amount) {
        this.publishedAmount = new BigDecimal(amount);
        return this;
    }

    public ChargeLineBuilder amount(String amount) {
        return amount(amount, currency);
    }

    public ChargeLine build() {
        return new ChargeLine(row, invoiceNumber, invoiceDate, carrier, accountNumber, trackingNumber, shipDate,
                deliveredAt, service, zone, senderPostalCode, recipientCompany, recipientAddress, recipientCity,
                recipientState, recipientPostalCode, recipientCountry, residential, actualWeightLb, billedWeightLb,
                lengthIn, widthIn, heightIn, chargeType, chargeCode, chargeDescription, amount, currency,
                publishedAmount);
    }
}
