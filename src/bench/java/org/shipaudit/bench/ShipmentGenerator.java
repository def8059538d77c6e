package org.shipaudit.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;
import org.shipaudit.bench.Catalog.Carton;
import org.shipaudit.bench.Catalog.Place;
import org.shipaudit.bench.Catalog.Product;
import org.shipaudit.bench.Catalog.Service;
import org.shipaudit.json.Mappers;
import org.shipaudit.model.api.Address;
import org.shipaudit.model.api.Customs;
import org.shipaudit.model.api.Dimensions;
import org.shipaudit.model.api.LengthUnit;
import org.shipaudit.model.api.Money;
import org.shipaudit.model.Packaging;
import org.shipaudit.model.api.Retailer;
import org.shipaudit.model.api.Shipment;
import org.shipaudit.model.api.ShipmentItem;
import org.shipaudit.model.api.ShipmentPackage;
import org.shipaudit.model.api.Weight;
import org.shipaudit.model.WeightUnit;

/**
 * Generates realistic shipments, deterministically from a seed: the same seed, rate and date give the same sequence,
 * so a benchmark run and a demo file can be reproduced. The mix: about 3 in 4 domestic (US to US), the rest to
 * Europe, Canada, Mexico, Japan and Australia; 1 to 5 item lines from {@link Catalog}, some with dangerous goods;
 * cartons sized to their content, about 3 in 100 oversize; and a planted {@link Mistake} at the given rate.
 * Not thread-safe: use one per thread.
 */
public final class ShipmentGenerator {

    /** Carriers' weight limits are 150 lb (UPS, FedEx, DHL) and 70 lb (USPS); a planted overweight box beats both. */
    private static final double OVERWEIGHT_LB = 160;
    private static final double OVERWEIGHT_USPS_LB = 75;

    private final SplittableRandom random;
    private final double mistakeRate;
    private final LocalDate shipDate;
    private final String idPrefix;
    private final List<ClassifyCase> titles;
    private long sequence;

    /**
     * @param mistakeRate share of shipments with one planted mistake, 0 to 1
     * @param shipDate    every shipment's ship date (the business date the rules judge by)
     */
    public ShipmentGenerator(long seed, double mistakeRate, LocalDate shipDate) {
        this(seed, mistakeRate, shipDate, List.of());
    }

    /**
     * @param titles real product titles with the code an expert gave them (the shared classification files): each
     *               general-merchandise item line takes one, so descriptions are as long and as messy as what
     *               marketplaces send (15-20 words) and the tariff classifier works as hard as in production.
     *               Dangerous-goods lines keep the catalogue's, whose declarations the hazmat rules judge. Empty
     *               for the catalogue's short descriptions.
     */
    public ShipmentGenerator(long seed, double mistakeRate, LocalDate shipDate, List<ClassifyCase> titles) {
        this.titles = List.copyOf(titles);
        if (mistakeRate < 0 || mistakeRate > 1) {
            throw new IllegalArgumentException("mistake rate must be between 0 and 1, got " + mistakeRate);
        }
        this.random = new SplittableRandom(seed);
        this.mistakeRate = mistakeRate;
        this.shipDate = shipDate;
        this.idPrefix = "BENCH-" + seed + "-";
    }

    public GeneratedShipment next() {
        long n = ++sequence;
        Service service = pick(Catalog.SERVICES, Service::share);
        boolean international = service.international();
        Place to = international ? pick(Catalog.ABROAD) : pick(Catalog.US);
        boolean residential = random.nextInt(10) < 8;
        String name = pick(Catalog.FIRST) + " " + pick(Catalog.LAST);
        Address shipTo = new Address(name, residential ? null : name.split(" ")[1] + " Trading", to.street(),
                random.nextInt(5) == 0 ? "Apt " + (1 + random.nextInt(40)) : null, to.city(), to.state(),
                to.postalCode(), to.country(), residential);
        boolean metric = international && random.nextInt(4) == 0;

        int packageCount = chance(0.85) ? 1 : chance(0.66) ? 2 : 3;
        List<ShipmentPackage> packages = new ArrayList<>(packageCount);
        List<ShipmentItem> items = new ArrayList<>();
        for (int p = 0; p < packageCount; p++) {
            String packageId = "P" + (p + 1);
            boolean oversize = chance(0.03);
            Carton carton = oversize ? pick(Catalog.OVERSIZE, Carton::share) : pick(Catalog.CARTONS, Carton::share);
            int lines = 1 + Math.min(4, (int) Math.floor(-Math.log(1 - random.nextDouble()) * 1.1));
            double contentLb = 0;
            for (int l = 0; l < lines; l++) {
                Product product = pick(Catalog.PRODUCTS, Product::share);
                int quantity = product.unitKg() > 1 ? 1 : 1 + random.nextInt(product.unitKg() > 0.3 ? 2 : 4);
                contentLb += WeightUnit.KG.toPounds(product.unitKg()) * quantity;
                String description = product.description();
                String hsCode = product.hsCode();
                if (!titles.isEmpty() && product.dg() == null) {
                    ClassifyCase title = pick(titles);
                    description = title.text();
                    hsCode = dotted(title.expected());
                }
                items.add(new ShipmentItem(product.sku(), description, hsCode, product.origin(),
                        quantity, Money.usd(new BigDecimal(product.unitPrice())),
                        new Weight(product.unitKg(), WeightUnit.KG), packageId, product.dg()));
            }
            // Oversize cartons hold bulky goods: furniture and bikes weigh 30-70 lb whatever the item lines say.
            double lb = carton.tareLb() + contentLb + (oversize ? 25 + random.nextInt(45) : 0);
            packages.add(new ShipmentPackage(packageId, weight(lb, metric), dimensions(carton, metric),
                    carton.packaging(), null, null, null));
        }
        Customs customs = international
                ? new Customs(chance(0.6) ? "DAP" : "DDP", null, "CI-" + n, chance(0.95) ? "SALE" : "GIFT")
                : null;
        Retailer retailer = !international && !residential && chance(0.25)
                ? new Retailer(pick(Catalog.RETAILERS), "PO-" + (4_500_000 + random.nextInt(1_000_000)),
                        "ASN-" + n) : null;

        Mistake mistake = null;
        if (random.nextDouble() < mistakeRate) {
            mistake = Catalog.MISTAKES.get(random.nextInt(Catalog.MISTAKES.size()));
            packages.set(0, plant(mistake, packages.get(0), service.carrier(), items));
        }
        Shipment shipment = new Shipment(idPrefix + n, shipDate, service.carrier(), service.service(),
                pick(Catalog.WAREHOUSES), shipTo, packages, items, customs, retailer);
        return new GeneratedShipment(shipment, mistake);
    }

    /** The next shipment as the JSON a client would send. */
    public byte[] nextJson() {
        return toJson(next().shipment());
    }

    public static byte[] toJson(Shipment shipment) {
        try {
            return Mappers.json().writeValueAsBytes(shipment);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ShipmentPackage plant(Mistake mistake, ShipmentPackage p, String carrier, List<ShipmentItem> items) {
        Dimensions d = p.dimensions();
        return switch (mistake) {
            case MISSING_WEIGHT -> new ShipmentPackage(p.id(), null, d, p.packaging(), null, null, null);
            case ZERO_WEIGHT -> new ShipmentPackage(p.id(), new Weight(0.0, p.weight().unit()), d, p.packaging(), null,
                    null, null);
            // A box without dimensions: the carrier measures it and bills dimensional weight the shipper never saw.
            case MISSING_DIMENSIONS -> new ShipmentPackage(p.id(), p.weight(), null, Packaging.BOX, null, null, null);
            case ZERO_DIMENSION -> new ShipmentPackage(p.id(), p.weight(),
                    new Dimensions(d.length(), d.width(), 0.0, d.unit()), p.packaging(), null, null, null);
            case ITEMS_HEAVIER_THAN_PACKAGE -> {
                double itemsLb = items.stream().filter(i -> p.id().equals(i.packageId()))
                        .mapToDouble(i -> i.weight().pounds() * i.quantity()).sum();
                yield new ShipmentPackage(p.id(), weight(Math.max(0.05, itemsLb / 3), false), d, p.packaging(), null,
                        null, null);
            }
            case OVER_CARRIER_WEIGHT_LIMIT -> new ShipmentPackage(p.id(),
                    weight("USPS".equals(carrier) ? OVERWEIGHT_USPS_LB : OVERWEIGHT_LB, false),
                    new Dimensions(30.0, 20.0, 16.0, LengthUnit.IN), Packaging.BOX, null, null, null);
            case OVER_CARRIER_SIZE_LIMIT -> new ShipmentPackage(p.id(), weight(30, false),
                    new Dimensions(120.0, 12.0, 10.0, LengthUnit.IN), p.packaging(), null, null, null);
        };
    }

    /** "7116102500" as a shipper writes it, "7116.10.2500". */
    static String dotted(String digits) {
        if (digits.length() <= 4) {
            return digits;
        }
        return digits.substring(0, 4) + "." + digits.substring(4, Math.min(6, digits.length()))
                + (digits.length() > 6 ? "." + digits.substring(6) : "");
    }

    private static Weight weight(double lb, boolean metric) {
        return metric ? new Weight(round(lb * 0.45359237, 2), WeightUnit.KG) : new Weight(round(lb, 1), WeightUnit.LB);
    }

    private static Dimensions dimensions(Carton c, boolean metric) {
        return metric
                ? new Dimensions(round(c.length() * 2.54, 0), round(c.width() * 2.54, 0), round(c.height() * 2.54, 0),
                        LengthUnit.CM)
                : new Dimensions(c.length(), c.width(), c.height(), LengthUnit.IN);
    }

    private static double round(double v, int places) {
        return BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_UP).doubleValue();
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private <T> T pick(List<T> list, ToIntFunction<T> share) {
        int total = 0;
        for (T t : list) {
            total += share.applyAsInt(t);
        }
        int r = random.nextInt(total);
        for (T t : list) {
            r -= share.applyAsInt(t);
            if (r < 0) {
                return t;
            }
        }
        throw new AssertionError("shares are positive");
    }
}
