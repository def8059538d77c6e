package org.shipaudit.model;

/**
 * A row of the routing-guides table for the shipment's retailer on its ship date: carton and pallet limits and the
 * references the retailer requires. A null figure means the guide sets none.
 */
public final class RoutingGuide extends TableRow {

    private final String retailer;
    private Double maxCartonLb;
    private Double mechLiftOverLb;
    private Double maxCartonSideIn;
    private Double palletLengthIn;
    private Double palletWidthIn;
    private Double maxPalletHeightIn;
    private boolean poRequired;
    private boolean asnRequired;

    public RoutingGuide(String rowName, String retailer) {
        super(rowName);
        this.retailer = retailer.trim().toUpperCase(java.util.Locale.ROOT);
    }

    public String getRetailer() {
        return retailer;
    }

    public Double getMaxCartonLb() {
        return maxCartonLb;
    }

    public void setMaxCartonLb(double v) {
        this.maxCartonLb = v;
    }

    /** Above this a carton needs a "Mech Lift" label instead of "Team Lift"; null when the guide sets none. */
    public void setMechLiftOverLb(double v) {
        this.mechLiftOverLb = v;
    }

    /** The lift label a carton of {@code weightLb} needs under this guide: Mech Lift above its cut-off, else Team Lift. */
    public String liftLabel(double weightLb) {
        return mechLiftOverLb != null && weightLb > mechLiftOverLb ? "Mech Lift" : "Team Lift";
    }

    public Double getMaxCartonSideIn() {
        return maxCartonSideIn;
    }

    public void setMaxCartonSideIn(double v) {
        this.maxCartonSideIn = v;
    }

    public Double getPalletLengthIn() {
        return palletLengthIn;
    }

    public void setPalletLengthIn(double v) {
        this.palletLengthIn = v;
    }

    public Double getPalletWidthIn() {
        return palletWidthIn;
    }

    public void setPalletWidthIn(double v) {
        this.palletWidthIn = v;
    }

    public Double getMaxPalletHeightIn() {
        return maxPalletHeightIn;
    }

    public void setMaxPalletHeightIn(double v) {
        this.maxPalletHeightIn = v;
    }

    public boolean isPoRequired() {
        return poRequired;
    }

    public void setPoRequired(boolean poRequired) {
        this.poRequired = poRequired;
    }

    public boolean isAsnRequired() {
        return asnRequired;
    }

    public void setAsnRequired(boolean asnRequired) {
        this.asnRequired = asnRequired;
    }

    /** The pallet footprint as "40 x 48" for messages, or null when the guide sets none. */
    public String getPalletFootprint() {
        return palletLengthIn == null || palletWidthIn == null ? null
                : org.shipaudit.model.Num.plain(palletWidthIn) + " x " + org.shipaudit.model.Num.plain(palletLengthIn);
    }
}
