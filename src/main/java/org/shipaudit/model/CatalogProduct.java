package org.shipaudit.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.Locale;
import org.shipaudit.model.api.Dimensions;
import org.shipaudit.model.api.LengthUnit;
import org.shipaudit.model.api.ShipmentItem;
import org.shipaudit.model.api.Weight;
import org.shipaudit.model.lookup.CountryNames;

/**
 * One product (or product variant) of a catalog export, as read from its row: what a product-data rule reasons about.
 * Values stay as the file gave them (possibly null) so that data rules can report them; the getters normalise (HS
 * digits, the origin as an ISO code, weight in pounds, lengths in inches). Pure: no look-ups. {@code dimensionsListed}
 * says whether the file has dimension columns at all: a Shopify export has none, so a product without dimensions is
 * only reported when the file could have given them.
 */
public final class CatalogProduct {

    private final long row;
    private final String sku;
    private final String title;
    private final String description;
    private final String category;
    private final String vendor;
    private final String hsCode;
    private final String countryOfOrigin;
    private final Weight weight;
    private final Dimensions dimensions;
    private final BigDecimal price;
    private final String currency;
    private final boolean dimensionsListed;

    @JsonCreator
    public CatalogProduct(@JsonProperty("row") long row, @JsonProperty("sku") String sku,
                          @JsonProperty("title") String title, @JsonProperty("description") String description,
                          @JsonProperty("category") String category, @JsonProperty("vendor") String vendor,
                          @JsonProperty("hsCode") String hsCode, @JsonProperty("countryOfOrigin") String countryOfOrigin,
                          @JsonProperty("weight") Weight weight, @JsonProperty("dimensions") Dimensions dimensions,
                          @JsonProperty("price") BigDecimal price, @JsonProperty("currency") String currency,
                          @JsonProperty("dimensionsListed") boolean dimensionsListed) {
        this.row = row;
        this.sku = blankToNull(sku);
        this.title = blankToNull(title);
        this.description = blankToNull(description);
        this.category = blankToNull(category);
        this.vendor = blankToNull(vendor);
        this.hsCode = blankToNull(hsCode);
        this.countryOfOrigin = blankToNull(countryOfOrigin);
        this.weight = weight;
        this.dimensions = dimensions;
        this.price = price;
        this.currency = blankToNull(currency);
        this.dimensionsListed = dimensionsListed;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The sheet row (1-based, as a spreadsheet program shows it). */
    public long getRow() {
        return row;
    }

    /** Where the product is in the file: {@code rows[17]}. */
    public String getSubject() {
        return "rows[" + row + "]";
    }

    public String getSku() {
        return sku;
    }

    public boolean isSkuMissing() {
        return sku == null;
    }

    /** The SKU as rows are compared by: trimmed, upper case ("ts-001" and "TS-001 " are the same SKU); null if none. */
    public String getSkuKey() {
        return sku == null ? null : sku.toUpperCase(Locale.ROOT);
    }

    public String getTitle() {
        return title;
    }

    /** The title as rows are compared by: case and runs of spaces do not matter; null if none. */
    public String getTitleKey() {
        return title == null ? null : title.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    public String getDescription() {
        return description;
    }

    public String getCategory() {
        return category;
    }

    public String getVendor() {
        return vendor;
    }

    /** The HS code as written, or null. */
    public String getHsCode() {
        return hsCode;
    }

    /** The HS code without dots, spaces and dashes (as {@link LineItem} reads it), or null. */
    public String getHsDigits() {
        return hsCode == null ? null : hsCode.replaceAll("[.\\s-]", "");
    }

    public boolean isHsMissing() {
        return hsCode == null;
    }

    /** The country of origin as written, or null. */
    public String getCountryOfOrigin() {
        return countryOfOrigin;
    }

    public boolean isOriginMissing() {
        return countryOfOrigin == null;
    }

    /** The ISO 3166-1 alpha-2 code of the origin (from a code, an alpha-3 code or a name), or null. */
    public String getOriginCode() {
        return CountryNames.alpha2(countryOfOrigin);
    }

    /** An origin is given and names a country. */
    public boolean isOriginCountry() {
        return getOriginCode() != null;
    }

    public Weight getWeight() {
        return weight;
    }

    /** The weight in pounds, or null when none is given. */
    public Double getPounds() {
        return weight == null ? null : weight.pounds();
    }

    public boolean isWeightMissing() {
        return getPounds() == null;
    }

    /** A weight of zero or less: no parcel weighs that, and a carrier rates it by what its scale reads. */
    public boolean isWeightNotPositive() {
        Double lb = getPounds();
        return lb != null && lb <= 0;
    }

    /** The weight as the file gave it, for messages ("250 G"). */
    public String getWeightText() {
        return weight == null || weight.value() == null ? null
                : Num.plain(weight.value()) + " " + (weight.unit() == null ? "" : weight.unit().name());
    }

    public Dimensions getDimensions() {
        return dimensions;
    }

    public boolean isDimensionsListed() {
        return dimensionsListed;
    }

    /** The file has dimension columns, and this product lacks one or more of length, width and height. */
    public boolean isDimensionsMissing() {
        return dimensionsListed && (dimensions == null || dimensions.length() == null || dimensions.width() == null
                || dimensions.height() == null);
    }

    /** A length, width or height of zero or less. */
    public boolean isDimensionNotPositive() {
        return dimensions != null && (notPositive(dimensions.length()) || notPositive(dimensions.width())
                || notPositive(dimensions.height()));
    }

    private static boolean notPositive(Double d) {
        return d != null && d <= 0;
    }

    private double inches(Double v) {
        LengthUnit u = dimensions.unit() == null ? LengthUnit.IN : dimensions.unit();
        return u.toInches(v);
    }

    /** The longest side in inches, or null unless all three are given. */
    public Double getLongestInches() {
        if (dimensions == null || dimensions.length() == null || dimensions.width() == null
                || dimensions.height() == null) {
            return null;
        }
        return Math.max(inches(dimensions.length()), Math.max(inches(dimensions.width()), inches(dimensions.height())));
    }

    /** Longest side plus girth (twice the other two), in inches, as carriers measure size; null unless all given. */
    public Double getLengthPlusGirthInches() {
        Double longest = getLongestInches();
        if (longest == null) {
            return null;
        }
        double sum = inches(dimensions.length()) + inches(dimensions.width()) + inches(dimensions.height());
        return longest + 2 * (sum - longest);
    }

    /** The dimensions as the file gave them, for messages ("20 x 12 x 10 IN"). */
    public String getDimensionsText() {
        if (dimensions == null) {
            return null;
        }
        return text(dimensions.length()) + " x " + text(dimensions.width()) + " x " + text(dimensions.height())
                + (dimensions.unit() == null ? "" : " " + dimensions.unit().name());
    }

    private static String text(Double d) {
        return d == null ? "?" : Num.plain(d);
    }

    public BigDecimal getPrice() {
        return price;
    }

    public String getCurrency() {
        return currency;
    }

    /**
     * The product as a shipment item for the packs that judge items (hs-codes, hazmat), at index {@link #getRow} with
     * subject {@code rows[N]}: its description is the title followed by the description text, so the hidden
     * dangerous-goods check reads both, as a customs form would carry the product's name.
     */
    public LineItem toLineItem() {
        String text = title == null ? description : description == null ? title : title + " - " + description;
        return lineItem(text);
    }

    /** As {@link #toLineItem()} with the title alone as description: what the tariff search is asked about. */
    public LineItem toTitleItem() {
        return lineItem(title);
    }

    private LineItem lineItem(String text) {
        ShipmentItem item = new ShipmentItem(sku, text, hsCode, getOriginCode() != null ? getOriginCode()
                : countryOfOrigin, 1, null, weight, null, null);
        return LineItem.outsideShipment(Math.toIntExact(row), item, getSubject());
    }

    @Override
    public String toString() {
        return "CatalogProduct[row " + row + " " + sku + " " + title + "]";
    }
}
