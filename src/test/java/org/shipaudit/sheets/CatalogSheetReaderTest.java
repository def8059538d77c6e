package org.shipaudit.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.model.CatalogProduct;
import org.shipaudit.model.api.LengthUnit;
import org.shipaudit.model.RowError;
import org.shipaudit.model.WeightUnit;

/** Reading catalog exports: Shopify's variant rows, the generic layout, and rows that cannot be read. */
class CatalogSheetReaderTest {

    @TempDir
    Path dir;

    /** What a read gave: the product of each row (null for none), the row errors, and the columns. */
    static final class Read implements CatalogRowConsumer {
        final Map<Long, CatalogProduct> products = new LinkedHashMap<>();
        final List<RowError> errors = new ArrayList<>();
        CatalogColumns columns;
        SheetSummary summary;

        @Override
        public void header(long row, List<String> names, CatalogColumns columns) {
            this.columns = columns;
        }

        @Override
        public void accept(SheetRow row, CatalogProduct product) {
            products.put(row.row(), product);
            errors.addAll(row.errors());
        }
    }

    static Read read(Path file, String profile) throws IOException, InvoiceSheetException {
        Read r = new Read();
        r.summary = new CatalogSheetReader(profile, InvoiceSheetReader.DEFAULT_MAX_BYTES).read(file, r);
        return r;
    }

    @Test
    void carriesTheShopifyProductFieldsDownToItsVariantRowsAndSkipsImageRows() throws Exception {
        Read r = read(Path.of("src/site/examples/catalog-shopify.csv"), "auto");
        assertEquals("shopify", r.summary.profile());
        CatalogProduct small = r.products.get(2L);
        CatalogProduct large = r.products.get(4L);
        assertEquals("TEE-ORG-S", small.getSku());
        assertEquals("TEE-ORG-L", large.getSku());
        assertEquals("Organic Cotton T-Shirt", large.getTitle(), "the variant row's blank Title is the product's");
        assertEquals("Soft 100% organic cotton jersey tee, knitted in India.", large.getDescription(),
                "Body (HTML) carried down as text");
        assertEquals("Apparel & Accessories > Clothing > Shirts & Tops", large.getCategory());
        assertEquals("Harbor Threads", large.getVendor());
        assertEquals(200.0, large.getWeight().value());
        assertEquals(WeightUnit.G, large.getWeight().unit(), "Variant Grams are grams whatever the display unit");
        assertEquals("6109.10.0012", large.getHsCode());
        assertEquals("IN", large.getOriginCode(), "'India' reads as IN");
        assertFalse(large.isDimensionsListed(), "a Shopify export has no dimension columns");
        assertTrue(r.products.containsKey(5L));
        assertNull(r.products.get(5L), "row 5 holds only a further image of the t-shirt: no product");
        assertEquals("Includes a 30 ml eau de parfum spray and a soy candle.", r.products.get(6L).getDescription(),
                "tags and &nbsp; dropped");
        assertEquals("Variant HS Code", r.columns.column("hsCode"));
        assertEquals("Variant Grams", r.columns.column("weight"));
        assertEquals("Title, Body (HTML)", r.columns.column("dangerousGoods"));
        assertNull(r.columns.sheet(), "a CSV has no sheet");
    }

    @Test
    void namesTheRowAndColumnOfShopifyRowsThatCannotBeRead() throws Exception {
        Read r = read(Path.of("src/site/examples/catalog-shopify.csv"), "shopify");
        assertEquals(List.of(
                new RowError(11, "Title", "no Title, and not a variant of the product above (Handle 'yoga-mat'): a "
                        + "product's first row gives its Title"),
                new RowError(12, "Variant Grams", "not a number: 'about 400'")), r.errors);
        assertNull(r.products.get(11L));
        assertNull(r.products.get(12L));
        assertEquals("Leather Bifold Wallet", r.products.get(13L).getTitle(), "the read goes on after them");
        assertEquals(13, r.summary.rowsRead());
    }

    @Test
    void readsTheGenericLayoutWithUnitsInTheCellsAndDimensionsInOneCell() throws Exception {
        Read r = read(Path.of("src/site/examples/catalog-generic.csv"), "auto");
        assertEquals("generic", r.summary.profile());
        assertTrue(r.errors.isEmpty(), r.errors::toString);
        CatalogProduct socks = r.products.get(2L);
        assertEquals("SOCK-W-01", socks.getSku());
        assertEquals(80.0, socks.getWeight().value());
        assertEquals(WeightUnit.G, socks.getWeight().unit());
        assertEquals(LengthUnit.CM, socks.getDimensions().unit());
        assertEquals(20.0, socks.getDimensions().length());
        assertEquals(3.0, socks.getDimensions().height());
        assertEquals("EUR", socks.getCurrency());
        assertTrue(socks.isDimensionsListed());
        CatalogProduct rug = r.products.get(4L);
        assertEquals(LengthUnit.IN, rug.getDimensions().unit());
        assertEquals(160.0, rug.getLongestInches());
        assertTrue(r.products.get(6L).isWeightMissing());
        assertEquals("dimensions", r.columns.column("dimensions"));
        assertEquals("weight, weight_unit", r.columns.column("weight"));
    }

    @Test
    void readsGenericXlsxWithSeparateDimensionColumnsAndNamesTheSheet() throws Exception {
        Path file = Sheets.xlsx(dir, "catalog.xlsx", List.of(
                Sheets.row("Product catalog, exported 2026-11-20"),
                Sheets.row("SKU", "Product Name", "HS Code", "Country of Origin", "Weight", "Weight Unit", "Length",
                        "Width", "Height", "Dimension Unit"),
                Sheets.row("LAMP-1", "LED desk lamp", "9405.21", "China", 1.4, "kg", 45, 18, 12, "cm"),
                Sheets.row("LAMP-2", "LED floor lamp", "9405.21", "CN", "heavy", "kg", 160, 40, 40, "mm"),
                Sheets.row("LAMP-3", "LED wall lamp", "9405.21", "CN", 0.9, "stone", 30, 10, 8, "cm")));
        Read r = read(file, "generic");
        assertEquals("Invoice", r.columns.sheet(), "the worksheet the header was found in");
        assertEquals(2, r.summary.headerRow());
        CatalogProduct lamp = r.products.get(3L);
        assertEquals("CN", lamp.getOriginCode());
        assertEquals(1.4, lamp.getWeight().value());
        assertEquals(WeightUnit.KG, lamp.getWeight().unit());
        assertEquals(45.0, lamp.getDimensions().length());
        assertEquals("Length, Width, Height, Dimension Unit", r.columns.column("dimensions"));
        assertEquals(List.of(
                new RowError(4, "Weight", "not a weight: 'heavy' (use 250 g, 0.25 kg or a number with weight_unit)"),
                new RowError(5, "Weight Unit", "not a weight unit: 'stone' (use LB, KG, OZ or G)")), r.errors);
    }

    @Test
    void refusesAHeaderWithoutTheRequiredGenericColumnsNamingThem() throws Exception {
        Path file = Sheets.csv(dir, "no-sku.csv", "title,hs_code,country_of_origin,weight\nMug,6912.00,CN,1\n");
        InvoiceSheetException e = assertThrows(InvoiceSheetException.class, () -> read(file, "auto"));
        assertEquals(422, e.status());
        assertEquals(List.of("sku"), e.missingColumns());
        assertTrue(e.getMessage().contains("lacks required column: sku"), e.getMessage());
    }

    @Test
    void refusesAGenericFileAskedToBeReadAsShopify() throws Exception {
        InvoiceSheetException e = assertThrows(InvoiceSheetException.class,
                () -> read(Path.of("src/site/examples/catalog-generic.csv"), "shopify"));
        assertEquals(422, e.status());
        assertTrue(e.getMessage().contains("Shopify product export header"), e.getMessage());
    }

    @Test
    void refusesAnInvoiceProfile() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CatalogSheetReader("ups-billing", 1000));
        assertTrue(e.getMessage().contains("auto, shopify or generic"), e.getMessage());
    }
}
