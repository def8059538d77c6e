package org.shipaudit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shipaudit.model.api.Address;
import org.shipaudit.model.api.Dimensions;
import org.shipaudit.model.api.LengthUnit;
import org.shipaudit.model.api.Shipment;
import org.shipaudit.model.api.ShipmentItem;
import org.shipaudit.model.api.ShipmentPackage;
import org.shipaudit.model.api.Weight;

class ShipmentFactsTest {

    static Shipment shipment(List<ShipmentPackage> packages, List<ShipmentItem> items) {
        Address us = new Address(null, null, null, null, null, null, null, "us", null);
        Address de = new Address(null, null, null, null, null, null, null, "DE", null);
        return new Shipment("S1", LocalDate.of(2026, 11, 20), " ups ", "UPS Ground", us, de, packages, items, null, null);
    }

    @Test
    void convertsMetricUnitsAndSortsSidesLongestFirst() {
        ShipmentPackage p = new ShipmentPackage("P1", new Weight(10.0, WeightUnit.KG),
                new Dimensions(20.0, 50.8, 30.0, LengthUnit.CM), Packaging.BOX, null, null, null);
        Parcel parcel = (Parcel) ShipmentFacts.of(shipment(List.of(p), List.of()), LocalDate.now()).get(1);
        assertEquals(22.046, parcel.getWeightLb(), 0.001);
        assertEquals(20.0, parcel.getLengthIn(), 1e-9);
        assertEquals(30 / 2.54, parcel.getWidthIn(), 1e-9);
        assertEquals(20 / 2.54, parcel.getHeightIn(), 1e-9);
        assertEquals(20 + 2 * (30 + 20) / 2.54, parcel.getLengthPlusGirthIn(), 1e-9);
    }

    @Test
    void normalisesCarrierServiceAndCountries() {
        AuditContext c = (AuditContext) ShipmentFacts.of(shipment(List.of(), List.of()), LocalDate.now()).get(0);
        assertEquals("UPS", c.getCarrier());
        assertEquals("GROUND", c.getService());
        assertEquals(TransportMode.GROUND, c.getMode());
        assertEquals("US", c.getOriginCountry());
        assertTrue(c.isInternational());
    }

    @Test
    void sumsItemWeightsIntoTheirPackageOnlyWhenAllAreKnown() {
        ShipmentPackage p1 = new ShipmentPackage("P1", new Weight(1.0, WeightUnit.LB), null, null, null, null, null);
        ShipmentPackage p2 = new ShipmentPackage("P2", new Weight(1.0, WeightUnit.LB), null, null, null, null, null);
        ShipmentItem a = new ShipmentItem("A", null, null, null, 3, null, new Weight(8.0, WeightUnit.OZ), "P1", null);
        ShipmentItem b = new ShipmentItem("B", null, null, null, 1, null, null, "P2", null);
        List<Object> facts = ShipmentFacts.of(shipment(List.of(p1, p2), List.of(a, b)), LocalDate.now());
        assertEquals(1.5, ((Parcel) facts.get(1)).getItemsWeightLb(), 1e-9);
        assertNull(((Parcel) facts.get(2)).getItemsWeightLb(), "an item without weight makes the total unknown");
    }

    @Test
    void keepsImpossibleValuesForTheDataRules() {
        ShipmentPackage p = new ShipmentPackage("P1", new Weight(-1.0, WeightUnit.LB),
                new Dimensions(10.0, 0.0, 5.0, LengthUnit.IN), null, null, null, null);
        Parcel parcel = (Parcel) ShipmentFacts.of(shipment(List.of(p), List.of()), LocalDate.now()).get(1);
        assertEquals(-1.0, parcel.getWeightLb());
        assertTrue(parcel.isAnyDimensionNonPositive());
        assertNull(parcel.getLengthIn(), "derived measures are unknown when a side is impossible");
    }

    @Test
    void usesTheShipDateAsBusinessDate() {
        AuditContext c = (AuditContext) ShipmentFacts.of(shipment(List.of(), List.of()), LocalDate.of(2000, 1, 1)).get(0);
        assertEquals(LocalDate.of(2026, 11, 20), c.getBusinessDate());
        assertTrue(c.onOrAfter("2026-11-20") && c.onOrBefore("2026-11-20") && !c.onOrAfter("2026-11-21"));
    }
}
