package org.shipaudit.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The analytics dimensions stored with each finding: the lane's two ends and the ISO week's Monday. */
class FindingDimensionsTest {

    @Test
    void aUsLaneIsZip3ToZip3AndAbroadIsTheCountry() {
        assertEquals("432>200", FindingDimensions.lane("43215", "US", "20020-1234", "us"));
        assertEquals("432>DE", FindingDimensions.lane("43215", null, "10115", "DE"));
        assertEquals("?>200", FindingDimensions.lane(null, null, "20020", null));
        assertEquals("CA>?", FindingDimensions.lane("K1A 0B1", "CA", null, null));
        assertNull(FindingDimensions.lane(null, null, "", " "));
    }

    @Test
    void aWeekStartsOnItsMonday() {
        assertEquals(LocalDate.of(2026, 11, 9), new FindingDimensions("UPS", LocalDate.of(2026, 11, 9), null).weekStart());
        assertEquals(LocalDate.of(2026, 11, 9), new FindingDimensions("UPS", LocalDate.of(2026, 11, 15), null).weekStart());
        assertEquals(LocalDate.of(2026, 11, 16), new FindingDimensions("UPS", LocalDate.of(2026, 11, 16), null).weekStart());
        assertNull(FindingDimensions.UNKNOWN.weekStart());
    }

    @Test
    void carriersAreUpperCaseAndBlankIsUnknown() {
        assertEquals("FEDEX", new FindingDimensions(" fedex ", null, null).carrier());
        assertNull(new FindingDimensions("  ", null, null).carrier());
    }
}
