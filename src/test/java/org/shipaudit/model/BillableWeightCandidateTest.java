package org.shipaudit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.shipaudit.model.api.Dimensions;
import org.shipaudit.model.api.LengthUnit;

class BillableWeightCandidateTest {

    @Test
    void reportsTheSameBasisForATieWhateverTheOrder() {
        Parcel p = new Parcel(0, "P1", Packaging.BOX, 6.0, null, null, new Dimensions(12.0, 10.0, 8.0, LengthUnit.IN));
        BillableWeightCandidate actual = new BillableWeightCandidate(p, 7, "actual weight");
        BillableWeightCandidate dim = new BillableWeightCandidate(p, 7, "dimensional weight (divisor 139)");
        BillableWeightCandidate light = new BillableWeightCandidate(p, 5, "a");
        String a = List.of(actual, dim, light).stream().max(BillableWeightCandidate.HEAVIEST_LAST).orElseThrow().getBasis();
        String b = List.of(light, dim, actual).stream().max(BillableWeightCandidate.HEAVIEST_LAST).orElseThrow().getBasis();
        assertEquals(a, b);
        assertEquals("actual weight", a);
    }
}
