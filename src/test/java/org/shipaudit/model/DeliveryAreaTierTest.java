package org.shipaudit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DeliveryAreaTierTest {

    @Test
    void readsTheTierAnInvoicedChargeNames() {
        assertEquals(DeliveryAreaTier.REMOTE, DeliveryAreaTier.billed("DAS", "DAS Remote Residential").orElseThrow());
        assertEquals(DeliveryAreaTier.EXTENDED, DeliveryAreaTier.billed(null, "DAS Extended Resi").orElseThrow());
        assertEquals(DeliveryAreaTier.EXTENDED, DeliveryAreaTier.billed("", "Delivery Area Surcharge - Extended")
                .orElseThrow());
        assertEquals(DeliveryAreaTier.DAS, DeliveryAreaTier.billed("", "DAS Resi").orElseThrow());
        assertEquals(DeliveryAreaTier.DAS, DeliveryAreaTier.billed("", "Delivery Area Surcharge").orElseThrow());
        assertEquals(DeliveryAreaTier.ALASKA, DeliveryAreaTier.billed("", "DAS Alaska").orElseThrow());
        // a bare carrier code says nothing of the tier
        assertTrue(DeliveryAreaTier.billed("RDC", "").isEmpty());
        assertTrue(DeliveryAreaTier.billed("", "Residential Surcharge").isEmpty());
    }

    @Test
    void mapsEveryCarrierListLabelToATier() {
        assertEquals(DeliveryAreaTier.EXTENDED, DeliveryAreaTier.of("contiguous_us_extended").orElseThrow());
        assertEquals(DeliveryAreaTier.REMOTE, DeliveryAreaTier.of("CONTIGUOUS_REMOTE").orElseThrow());
        assertEquals(DeliveryAreaTier.HAWAII, DeliveryAreaTier.of("REMOTE_HI").orElseThrow());
        assertEquals(DeliveryAreaTier.DAS, DeliveryAreaTier.of("das_standard").orElseThrow());
        assertTrue(DeliveryAreaTier.of("SOMEWHERE").isEmpty());
    }

    @Test
    void onlyAHigherContiguousTierThanListedIsAboveIt() {
        assertTrue(check("EXTENDED", DeliveryAreaTier.REMOTE).billedAboveListedTier());
        assertTrue(check("DAS", DeliveryAreaTier.EXTENDED).billedAboveListedTier());
        assertFalse(check("EXTENDED", DeliveryAreaTier.EXTENDED).billedAboveListedTier());
        assertFalse(check("REMOTE", DeliveryAreaTier.DAS).billedAboveListedTier());
        assertFalse(check("ALASKA", DeliveryAreaTier.REMOTE).billedAboveListedTier());
        assertFalse(check("EXTENDED", null).billedAboveListedTier());
    }

    private static DeliveryAreaCheck check(String listed, DeliveryAreaTier billed) {
        return new DeliveryAreaCheck(6, "FEDEX", 2025, "59001", true, listed, "test", billed);
    }
}
