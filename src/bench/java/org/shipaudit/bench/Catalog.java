package org.shipaudit.bench;

import java.util.List;
import org.shipaudit.model.api.Address;
import org.shipaudit.model.api.DangerousGoods;
import org.shipaudit.model.api.NetQuantity;
import org.shipaudit.model.Packaging;
import org.shipaudit.model.api.QuantityUnit;

/**
 * The fixed data the generator draws from: goods an online shop sells (with their HS codes, origins and prices),
 * cartons a warehouse stocks, carriers with their services, and addresses. Weights (the {@code share} fields) give the
 * mix; they are chosen to look like a general-merchandise shipper, not taken from any one source.
 */
final class Catalog {

    private Catalog() {
    }

    /** A product line; {@code dg} is its dangerous-goods declaration when it has one. */
    record Product(String sku, String description, String hsCode, String origin, String unitPrice, double unitKg,
                   int share, DangerousGoods dg) {
    }

    /** A carton the warehouse stocks, inside dimensions in inches, and its own weight. */
    record Carton(String name, double length, double width, double height, double tareLb, Packaging packaging,
                  int share) {
    }

    /** A carrier service and whether it carries international shipments. */
    record Service(String carrier, String service, boolean international, int share) {
    }

    record Place(String city, String state, String postalCode, String country, String street) {
    }

    // Lithium ion batteries with equipment are the most common dangerous goods in e-commerce, then perfume, nail
    // polish and aerosols (PHMSA/USPS hidden-hazmat guidance, DOMAIN.md).
    private static final DangerousGoods LAPTOP_BATTERY = new DangerousGoods("UN3481",
            "Lithium ion batteries contained in equipment", "9", null, "967", "II", 56.0, null,
            new NetQuantity(0.3, QuantityUnit.KG), false, false);
    private static final DangerousGoods HEADPHONE_BATTERY = new DangerousGoods("UN3481",
            "Lithium ion batteries contained in equipment", "9", null, "967", "II", 1.1, null,
            new NetQuantity(0.01, QuantityUnit.KG), false, false);
    private static final DangerousGoods SPARE_TOOL_BATTERY = new DangerousGoods("UN3481",
            "Lithium ion batteries packed with equipment", "9", null, "966", "II", 36.0, null,
            new NetQuantity(0.45, QuantityUnit.KG), false, false);
    private static final DangerousGoods PERFUME = new DangerousGoods("UN1266", "Perfumery products", "3", "II", null,
            null, null, null, new NetQuantity(0.1, QuantityUnit.KG), true, false);
    private static final DangerousGoods NAIL_POLISH = new DangerousGoods("UN1263", "Paint", "3", "II", null, null, null,
            null, new NetQuantity(0.045, QuantityUnit.KG), true, false);
    private static final DangerousGoods AEROSOL = new DangerousGoods("1950", "Aerosols, flammable", "2.1", null, null,
            null, null, null, new NetQuantity(0.2, QuantityUnit.KG), true, false);

    static final List<Product> PRODUCTS = List.of(
            new Product("TS-001", "Men's cotton knit t-shirt", "6109.10.0012", "BD", "8.50", 0.2, 14, null),
            new Product("JN-204", "Women's denim jeans, cotton", "6204.62.4011", "MX", "24.00", 0.6, 8, null),
            new Product("SW-310", "Wool knit pullover sweater", "6110.11.0020", "PE", "59.00", 0.5, 4, null),
            new Product("SH-880", "Running shoes, textile uppers, rubber soles", "6404.11.9020", "VN", "89.00", 0.9, 6,
                    null),
            new Product("BT-750", "Stainless steel vacuum water bottle 750 ml", "9617.00.1000", "CN", "14.99", 0.35, 7,
                    null),
            new Product("MG-012", "Ceramic coffee mug 12 oz", "6912.00.4810", "CN", "9.50", 0.4, 6, null),
            new Product("WL-045", "Men's leather bifold wallet", "4202.31.6000", "IT", "45.00", 0.15, 4, null),
            new Product("YM-006", "Yoga mat 6 mm, PVC", "3918.10.1000", "TW", "29.00", 1.2, 3, null),
            new Product("BK-101", "Children's picture book, hardcover", "4901.99.0093", "US", "12.99", 0.4, 5, null),
            new Product("TW-200", "Cotton terry bath towel", "6302.60.0020", "PK", "18.00", 0.6, 4, null),
            new Product("PC-015", "Silicone smartphone case", "3926.90.9990", "CN", "15.00", 0.05, 6, null),
            new Product("LM-450", "LED desk lamp", "9405.21.8000", "CN", "34.00", 1.1, 3, null),
            new Product("KN-805", "Kitchen knife set, stainless steel, 5 pieces", "8211.91.5000", "DE", "119.00",
                    2.0, 2, null),
            new Product("VT-120", "Vitamin D3 supplement, 120 softgels", "2106.90.9998", "US", "19.00", 0.15, 4,
                    null),
            new Product("CB-330", "Cast iron skillet 12 in", "7323.91.5020", "US", "39.00", 3.6, 2, null),
            new Product("LT-140", "Laptop computer 14 in", "8471.30.0100", "CN", "899.00", 1.6, 2, LAPTOP_BATTERY),
            new Product("HP-200", "Bluetooth wireless headphones", "8518.30.2000", "CN", "59.00", 0.3, 4,
                    HEADPHONE_BATTERY),
            new Product("DR-018", "Cordless drill with spare battery pack", "8467.21.0010", "CN", "129.00", 2.1, 2,
                    SPARE_TOOL_BATTERY),
            new Product("PF-100", "Eau de parfum 100 ml", "3303.00.3000", "FR", "85.00", 0.35, 2, PERFUME),
            new Product("NP-015", "Nail polish 15 ml, set of 3", "3304.30.0000", "US", "12.00", 0.12, 2, NAIL_POLISH),
            new Product("DS-200", "Dry shampoo aerosol 200 ml", "3305.90.0000", "US", "9.00", 0.25, 1, AEROSOL));

    static final List<Carton> CARTONS = List.of(
            new Carton("poly mailer", 14, 10, 2, 0.05, Packaging.SOFT_PACK, 18),
            new Carton("padded envelope", 12, 9, 1, 0.1, Packaging.ENVELOPE, 8),
            new Carton("small box", 8, 6, 4, 0.3, Packaging.BOX, 16),
            new Carton("medium box", 12, 10, 6, 0.6, Packaging.BOX, 20),
            new Carton("large box", 14, 12, 8, 0.9, Packaging.BOX, 14),
            new Carton("extra large box", 18, 14, 10, 1.3, Packaging.BOX, 10),
            new Carton("cube box", 24, 18, 18, 2.2, Packaging.BOX, 6),
            new Carton("mailing tube", 38, 6, 6, 0.7, Packaging.TUBE, 3),
            new Carton("wooden crate", 30, 20, 16, 12, Packaging.CRATE, 1));

    /** Oversize shipments, about 3 in 100: they draw additional handling or the large-package surcharge. */
    static final List<Carton> OVERSIZE = List.of(
            new Carton("furniture box", 50, 32, 24, 6, Packaging.BOX, 6),
            new Carton("rug roll", 100, 14, 14, 3, Packaging.OTHER, 2),
            new Carton("bike box", 54, 30, 10, 5, Packaging.BOX, 3));

    static final List<Service> SERVICES = List.of(
            new Service("UPS", "GROUND", false, 24),
            new Service("UPS", "GROUND_SAVER", false, 6),
            new Service("UPS", "SECOND_DAY_AIR", false, 4),
            new Service("UPS", "NEXT_DAY_AIR", false, 2),
            new Service("FEDEX", "GROUND", false, 12),
            new Service("FEDEX", "HOME_DELIVERY", false, 10),
            new Service("FEDEX", "EXPRESS_SAVER", false, 2),
            new Service("FEDEX", "PRIORITY_OVERNIGHT", false, 2),
            new Service("USPS", "GROUND_ADVANTAGE", false, 16),
            new Service("USPS", "PRIORITY_MAIL", false, 6),
            new Service("USPS", "PRIORITY_MAIL_EXPRESS", false, 1),
            new Service("UPS", "WORLDWIDE_EXPRESS", true, 3),
            new Service("UPS", "WORLDWIDE_SAVER", true, 3),
            new Service("FEDEX", "INTERNATIONAL_PRIORITY", true, 3),
            new Service("FEDEX", "INTERNATIONAL_ECONOMY", true, 2),
            new Service("DHL", "EXPRESS_WORLDWIDE", true, 5),
            new Service("USPS", "PRIORITY_MAIL_INTERNATIONAL", true, 2),
            new Service("USPS", "FIRST_CLASS_INTERNATIONAL", true, 2));

    static final List<Address> WAREHOUSES = List.of(
            new Address("Shipping Dept", "Acme Fulfilment", "100 Main St", null, "Columbus", "OH", "43215", "US",
                    false),
            new Address("Shipping Dept", "Acme Fulfilment West", "4855 Longley Ln", "Dock 4", "Reno", "NV", "89502",
                    "US", false),
            new Address("Outbound", "Acme Fulfilment East", "7355 William Ave", null, "Allentown", "PA", "18106",
                    "US", false),
            new Address("Outbound", "Acme Fulfilment South", "3961 Tchulahoma Rd", null, "Memphis", "TN", "38118",
                    "US", false));

    static final List<Place> US = List.of(
            new Place("Washington", "DC", "20020", "US", "1745 T Street Southeast"),
            new Place("Brooklyn", "NY", "11215", "US", "411 7th Avenue"),
            new Place("Chicago", "IL", "60614", "US", "2150 N Lincoln Ave"),
            new Place("Austin", "TX", "78704", "US", "1601 S 1st St"),
            new Place("Seattle", "WA", "98103", "US", "3410 Fremont Ave N"),
            new Place("Denver", "CO", "80206", "US", "2800 E 6th Ave"),
            new Place("Atlanta", "GA", "30307", "US", "1085 Euclid Ave NE"),
            new Place("Phoenix", "AZ", "85016", "US", "4502 N 24th St"),
            new Place("Minneapolis", "MN", "55408", "US", "3030 Hennepin Ave"),
            new Place("San Diego", "CA", "92104", "US", "3015 University Ave"),
            new Place("Boise", "ID", "83702", "US", "910 W Main St"),
            new Place("Anchorage", "AK", "99501", "US", "425 G St"),
            new Place("Honolulu", "HI", "96813", "US", "1001 Bishop St"));

    static final List<Place> ABROAD = List.of(
            new Place("Berlin", null, "10115", "DE", "Invalidenstrasse 117"),
            new Place("Munich", null, "80331", "DE", "Sendlinger Strasse 10"),
            new Place("London", null, "SW1A 1AA", "GB", "10 Downing Street"),
            new Place("Manchester", null, "M1 1AE", "GB", "1 Piccadilly Gardens"),
            new Place("Toronto", "ON", "M5V 2T6", "CA", "301 Front St W"),
            new Place("Vancouver", "BC", "V6B 1A1", "CA", "800 Griffiths Way"),
            new Place("Paris", null, "75004", "FR", "2 Rue de Rivoli"),
            new Place("Amsterdam", null, "1012 JS", "NL", "Dam 1"),
            new Place("Tokyo", null, "100-0005", "JP", "1-1 Marunouchi, Chiyoda-ku"),
            new Place("Sydney", "NSW", "2000", "AU", "1 Martin Pl"),
            new Place("Mexico City", "CDMX", "06600", "MX", "Paseo de la Reforma 222"));

    static final List<String> FIRST = List.of("Jane", "John", "Maria", "Wei", "Aisha", "Lukas", "Olivia", "Hiroshi",
            "Carlos", "Emma", "Noah", "Priya", "Sven", "Chloe");
    static final List<String> LAST = List.of("Roe", "Smith", "Garcia", "Chen", "Khan", "Muller", "Brown", "Tanaka",
            "Lopez", "Wilson", "Patel", "Larsen", "Martin");

    /** The mistakes planted, each as likely as the others. */
    static final List<Mistake> MISTAKES = List.of(Mistake.values());

    /** Retailers whose routing guides apply to some B2B shipments. */
    static final List<String> RETAILERS = List.of("WALMART", "TARGET", "AMAZON");
}
