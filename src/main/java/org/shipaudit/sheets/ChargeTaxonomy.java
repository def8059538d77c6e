package org.shipaudit.sheets;

import org.shipaudit.model.ChargeLine;
import org.shipaudit.model.ChargeType;

/** What other packages may ask of the charge taxonomy ({@code charge-codes.csv}) about lines the readers typed. */
public final class ChargeTaxonomy {

    private ChargeTaxonomy() {
    }

    /** True when the line is OTHER_CHARGES only because no line of the taxonomy knows its code or description. */
    public static boolean unrecognised(ChargeLine line) {
        return line.chargeType() == ChargeType.OTHER_CHARGES
                && !ChargeTypes.typed(line.carrier(), line.chargeCode(), line.chargeDescription()).recognised();
    }
}
