package org.shipaudit.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a retailer computes a fine from the cost of goods (Walmart OTIF: 3 % of the cost of goods on non-compliant
 * cases), from the retailer-fines table row matching the chargeback's retailer and code on its notification date.
 */
public final class RetailerFine extends TableRow {

    /** A fine computed per case and summed can differ from ours by rounding; a cent more is not an overcharge. */
    private static final BigDecimal ROUNDING_TOLERANCE = new BigDecimal("0.01");

    private final long row;
    private final String fine;
    private BigDecimal percentOfCostOfGoods;

    public RetailerFine(String rowName, Chargeback c, String fine) {
        super(rowName);
        this.row = c.row();
        this.fine = fine;
    }

    /** The sheet row of the chargeback this fine definition is about. */
    public long getRow() {
        return row;
    }

    /** The fine's name, as messages show it ("Walmart OTIF"). */
    public String getFine() {
        return fine;
    }

    public BigDecimal getPercentOfCostOfGoods() {
        return percentOfCostOfGoods;
    }

    public void setPercentOfCostOfGoods(double percent) {
        this.percentOfCostOfGoods = BigDecimal.valueOf(percent);
    }

    /** The fine the definition gives for the chargeback's cost of goods, to the cent; null without cost of goods. */
    public BigDecimal expected(Chargeback c) {
        if (c.costOfGoods() == null || percentOfCostOfGoods == null) {
            return null;
        }
        return c.costOfGoods().multiply(percentOfCostOfGoods).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    /** What was charged above the fine the definition gives (zero or more); zero without cost of goods. */
    public BigDecimal overcharge(Chargeback c) {
        BigDecimal e = expected(c);
        if (e == null || c.amount() == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal over = c.amount().subtract(e);
        return over.compareTo(ROUNDING_TOLERANCE) > 0 ? over : BigDecimal.ZERO;
    }

    /** More was charged than the definition gives (beyond a cent of rounding). */
    public boolean overcharges(Chargeback c) {
        return overcharge(c).signum() > 0;
    }
}
