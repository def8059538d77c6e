package org.shipaudit.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shipaudit.model.ChargeType;

class ValuesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1,234.56|false|1234.56", "$12.34|false|12.34", "(12.34)|false|-12.34", "-12.34|false|-12.34",
        "12.34-|false|-12.34", "12,34|true|12.34", "1.234,56|true|1234.56", "1.234|true|1234", "USD 7.00|false|7.00",
        "12,34|false|12.34", "1,234|false|1234", "0|false|0"})
    void readsAmountsInTheNotationsFinanceExportsUse(String text, boolean decimalComma, String expected) {
        assertEquals(new BigDecimal(expected), Values.amount(text, decimalComma));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"abc", "12abc", "2026-11-20", "1-2", "--5", "$", "12.3.4"})
    void refusesTextThatIsNoAmount(String text) {
        assertNull(Values.amount(text, false));
    }

    @Test
    void readsDatesAndTimestamps() {
        LocalDate d = LocalDate.of(2026, 11, 20);
        assertEquals(d, Values.date("2026-11-20"));
        assertEquals(d, Values.date("11/20/2026"));
        assertEquals(d, Values.date("11/20/26"));
        assertEquals(d, Values.date("20/11/2026"), "day first when the first number cannot be a month");
        assertEquals(d, Values.date("20-Nov-2026"));
        assertEquals(d, Values.date("20-NOV-26"));
        assertEquals(d, Values.date("20.11.2026"));
        assertEquals(d, Values.date("20261120"));
        assertEquals(d, Values.date("46346"));
        assertEquals(LocalDateTime.of(2026, 11, 20, 14, 30), Values.dateTime("2026-11-20T14:30:00-05:00"));
        assertEquals(LocalDateTime.of(2026, 11, 20, 14, 30), Values.dateTime("2026-11-20 14:30"));
        assertEquals(LocalDateTime.of(2026, 11, 20, 10, 30), Values.dateTime("2026-11-20 1030"));
        assertNull(Values.date("13/13/2026"));
        assertNull(Values.date("tomorrow"));
        assertNull(Values.date("12.5"));
    }

    @Test
    void convertsUnitsAndFlags() {
        assertEquals(2.2046226218, Values.pounds(1, "KG"), 1e-9);
        assertEquals(1.0, Values.pounds(16, "OZ"), 1e-9);
        assertEquals(5.0, Values.pounds(5, ""), 1e-9);
        assertNull(Values.pounds(5, "parsec"));
        assertEquals(1.0, Values.inches(2.54, "cm"), 1e-9);
        assertEquals(Boolean.TRUE, Values.flag("R"));
        assertEquals(Boolean.FALSE, Values.flag("c"));
        assertEquals(Boolean.TRUE, Values.flag("true"));
        assertNull(Values.flag("maybe"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "|Residential Surcharge|RESIDENTIAL_SURCHARGE", "|Residential Delivery Charge|RESIDENTIAL_SURCHARGE",
        "|Delivery Area Surcharge - Extended|DELIVERY_AREA_SURCHARGE", "|DAS Comm|DELIVERY_AREA_SURCHARGE",
        "|Residential Delivery Area Surcharge|DELIVERY_AREA_SURCHARGE", "|Fuel Surcharge|FUEL_SURCHARGE",
        "|Additional Handling - Weight|ADDITIONAL_HANDLING", "|Large Package Surcharge|LARGE_PACKAGE",
        "|Oversize Charge|LARGE_PACKAGE", "|Address Correction|ADDRESS_CORRECTION",
        "|Saturday Delivery|SATURDAY_DELIVERY", "|Brokerage GST|DUTY_TAX", "|Duties and Taxes|DUTY_TAX",
        "|VAT|DUTY_TAX", "|Shipping Charge Correction|ADJUSTMENT", "|Audit Fee|ADJUSTMENT",
        "|Print Return Label|RETURN", "|Transportation Charge|FREIGHT", "|Net Charge|FREIGHT",
        "|Earned Discount|DISCOUNT", "|Performance Pricing|DISCOUNT", "|Declared Value|DECLARED_VALUE", "fuel_surcharge|Whatever|FUEL_SURCHARGE",
        "Freight||FREIGHT", "RES|Something|RESIDENTIAL_SURCHARGE", "XYZ|Signature Required|SIGNATURE",
        "|Void Ground Residential Third Party|VOID", "|Returns Fuel Surcharge|RETURN",
        "|Shipping Charge Correction Ground|ADJUSTMENT", "|Demand Surcharge - Residential|DEMAND_SURCHARGE",
        "|AHS - Dimensions|ADDITIONAL_HANDLING", "|DAS Remote Residential|DELIVERY_AREA_SURCHARGE",
        "|Weekly Service Chg|SERVICE_FEE", "|Gobbledygook Fee|OTHER_CHARGES"})
    void typesCarrierChargesFromTheTable(String code, String description, ChargeType expected) {
        assertEquals(expected, ChargeTypes.classify(code, description));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"FEDEX|Residential|RESIDENTIAL_SURCHARGE", "UPS|Residential|OTHER_CHARGES",
        "UPS|SIM|DISCOUNT", "FEDEX|SIM|OTHER_CHARGES"})
    void appliesCarrierLinesOnlyToTheirCarrier(String carrier, String text, ChargeType expected) {
        assertEquals(expected, ChargeTypes.classify(carrier, text.length() == 3 ? text : null,
                text.length() == 3 ? null : text));
    }

    @org.junit.jupiter.api.Test
    void saysWhenNoLineOfTheTaxonomyKnowsACharge() {
        assertEquals(new ChargeTypes.Typed(ChargeType.OTHER_CHARGES, false),
                ChargeTypes.typed("UPS", null, "Gobbledygook Fee"));
        assertEquals(new ChargeTypes.Typed(ChargeType.OTHER_CHARGES, true),
                ChargeTypes.typed("UPS", null, "Third Party Billing Service"));
    }

    @ParameterizedTest
    @CsvSource({"35504884401,35504-8844", "1810365509,01810-3655", "35504,35504", "1810,01810", "355048844,35504-8844",
        "18103655,01810-3655", "A1B 2C3,A1B 2C3"})
    void readsFedexZipsWithTheirDeliveryPointAndWithoutTheirLeadingZero(String exported, String zip) {
        assertEquals(zip, FedexBillingProfile.fedexZip(exported));
    }
}
