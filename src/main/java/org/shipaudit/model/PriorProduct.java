package org.shipaudit.model;

/**
 * The first row of a catalog file that carried a SKU, given to the rules with a later row repeating that SKU, so a
 * duplicate is reported once, on the later row, naming both. Built by {@link CatalogHistory} while the file is read.
 */
public final class PriorProduct {

    private final long row;
    private final String skuKey;
    private final String sku;
    private final String title;
    private final String titleKey;
    private final String hsCode;
    private final String hsDigits;
    private final Double pounds;
    private final String weightText;

    PriorProduct(CatalogProduct p) {
        this.row = p.getRow();
        this.skuKey = p.getSkuKey();
        this.sku = p.getSku();
        this.title = p.getTitle();
        this.titleKey = p.getTitleKey();
        this.hsCode = p.getHsCode();
        this.hsDigits = p.getHsDigits();
        this.pounds = p.getPounds();
        this.weightText = p.getWeightText();
    }

    public long getRow() {
        return row;
    }

    public String getSkuKey() {
        return skuKey;
    }

    public String getSku() {
        return sku;
    }

    public String getTitle() {
        return title;
    }

    public String getTitleKey() {
        return titleKey;
    }

    public String getHsCode() {
        return hsCode;
    }

    public String getHsDigits() {
        return hsDigits;
    }

    public Double getPounds() {
        return pounds;
    }

    public String getWeightText() {
        return weightText;
    }

    /** Both rows give an HS code, and not the same digits. */
    public boolean hsDiffers(CatalogProduct p) {
        return hsDigits != null && p.getHsDigits() != null && !hsDigits.equals(p.getHsDigits());
    }

    /** Both rows give a title, and not the same one (case and spacing aside). */
    public boolean titleDiffers(CatalogProduct p) {
        return titleKey != null && p.getTitleKey() != null && !titleKey.equals(p.getTitleKey());
    }

    /**
     * Both rows give a weight, and they differ by more than a thousandth of a pound (0.45 g): the same weight
     * written in two units ("250 G" and "0.25 KG") is the same weight, a rounding in conversion is not a difference.
     */
    public boolean weightDiffers(CatalogProduct p) {
        return pounds != null && p.getPounds() != null && Math.abs(pounds - p.getPounds()) > 0.001;
    }
}
