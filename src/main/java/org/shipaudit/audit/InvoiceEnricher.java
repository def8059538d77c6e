package org.shipaudit.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import org.shipaudit.model.AccessorialCharge;
import org.shipaudit.model.Pounds;
import org.shipaudit.model.PublishedRate;
import org.shipaudit.model.RateCheck;
import org.shipaudit.model.SurchargeRate;
import org.shipaudit.model.api.Address;
import org.shipaudit.model.ChargeLine;
import org.shipaudit.model.ChargeType;
import org.shipaudit.model.ContractRate;
import org.shipaudit.model.BillableWeightRate;
import org.shipaudit.model.DeliveryAreaCheck;
import org.shipaudit.model.DeliveryAreaTier;
import org.shipaudit.model.ExpectedCharges;
import org.shipaudit.model.FuelRate;
import org.shipaudit.model.lookup.ServiceCatalog;
import org.shipaudit.model.ShippedPackage;
import org.shipaudit.model.TransportMode;
import org.shipaudit.model.ZoneCheck;
import org.shipaudit.reference.zones.ZoneAnswer;
import org.shipaudit.reference.zones.ZoneStatus;
import org.shipaudit.reference.AddressValidation;
import org.shipaudit.reference.ContractDiscount;
import org.shipaudit.reference.PublishedRateLookup;
import org.shipaudit.reference.DeliveryAreaListing;
import org.shipaudit.reference.FuelTableRow;
import org.shipaudit.reference.ReferenceIndex;
import org.shipaudit.store.ShippedPackageStore;

/**
 * Looks up, before the invoice rules fire, the carrier tables a charge is judged against: for a delivery-area
 * surcharge whether the ZIP code is on the carrier's list in force on the ship date ({@link DeliveryAreaCheck}), for a fuel
 * surcharge the percentage of the carrier's weekly table in force on the ship date ({@link FuelRate}); for a
 * transportation charge the contract rate sheet's cell for its service, zone and billed weight ({@link ContractRate}); for a
 * package the carrier re-billed (a shipping charge correction, an address correction) the package as recorded at
 * shipping ({@link ShippedPackage}), with its ship-to address checked against postal data when an address
 * correction was billed. A table or record that is not there gives no fact, so the rule that needs it stays silent
 * rather than guessing. Thread-safe; does blocking look-ups (exact keyword look-ups, about 10 µs; fuel rows are in
 * memory; one database query per batch for recorded packages), so call it off the event loop.
 */
public final class InvoiceEnricher {

    private final ReferenceIndex index;
    private final ShippedPackageStore shipped;

    /**
     * @param index   the reference index, or null when there is none (then no table facts are added)
     * @param shipped packages recorded at shipping, or null (then no {@link ShippedPackage} facts)
     */
    public InvoiceEnricher(ReferenceIndex index, ShippedPackageStore shipped) {
        this.index = index;
        this.shipped = shipped;
    }

    public List<Object> facts(Collection<ChargeLine> lines) {
        List<Object> out = new ArrayList<>();
        if (shipped != null) {
            recorded(lines, out);
        }
        if (index == null) {
            return out;
        }
        for (ChargeLine l : lines) {
            if (l.chargeType() == ChargeType.DELIVERY_AREA_SURCHARGE) {
                deliveryArea(l).ifPresent(d -> {
                    out.add(d);
                    listedTierRate(l, d).ifPresent(out::add);
                });
            } else if (l.chargeType() == ChargeType.FUEL_SURCHARGE) {
                fuel(l).ifPresent(out::add);
            } else if (l.chargeType() == ChargeType.FREIGHT) {
                contractRate(l).ifPresent(out::add);
            }
        }
        return out;
    }

    /**
     * Each transportation charge against the carrier's published rate for its service, zone and billed weight (rounded
     * up to the pound, as carriers rate: a weight overcharge is WBL-001's) in the edition in force on the ship date,
     * with the contract discount configured for the cell, if any. The package's net transportation is its freight
     * less its discount lines (FedEx "Earned Discount", "Performance Pricing"; UPS bills net and states the incentive),
     * so a package is judged in one batch; a package with several transportation lines is left to the duplicate
     * checks. A charge that states no zone is rated at the zone the carrier's zone chart in force gives; a charge whose
     * billed zone the chart does not give becomes a {@link ZoneCheck} (RAT-003). Every charge is counted under its
     * outcome.
     */
    public RatedCharges publishedRates(Collection<ChargeLine> lines) {
        if (index == null) {
            return RatedCharges.NONE;
        }
        Map<String, List<ChargeLine>> freightOf = new HashMap<>();
        Map<String, BigDecimal> discountsOf = new HashMap<>();
        for (ChargeLine l : lines) {
            if (l.trackingNumber() == null || l.amount() == null) {
                continue;
            }
            if (l.chargeType() == ChargeType.FREIGHT) {
                freightOf.computeIfAbsent(l.trackingNumber(), k -> new ArrayList<>(1)).add(l);
            } else if (l.chargeType() == ChargeType.DISCOUNT) {
                discountsOf.merge(l.trackingNumber(), l.amount(), BigDecimal::add);
            }
        }
        List<PublishedRate> facts = new ArrayList<>();
        List<ZoneCheck> zones = new ArrayList<>();
        Map<RateCheck, Long> outcomes =
                new EnumMap<>(RateCheck.class);
        for (ChargeLine l : lines) {
            if (l.chargeType() != ChargeType.FREIGHT || l.amount() == null) {
                continue;
            }
            RateCheck outcome;
            List<ChargeLine> freight = l.trackingNumber() == null ? List.of(l) : freightOf.get(l.trackingNumber());
            BigDecimal net = l.amount().add(l.trackingNumber() == null ? BigDecimal.ZERO
                    : discountsOf.getOrDefault(l.trackingNumber(), BigDecimal.ZERO));
            ZoneAnswer chart = chartZone(l);
            boolean billedZone = l.zone() != null && !l.zone().isBlank();
            // A charge that states no zone is rated at the chart's, when the chart gives exactly one.
            String zone = billedZone ? l.zone() : chart.zone();
            if (billedZone && freight.size() == 1 && chart.status() == ZoneStatus.ZONE && !chart.allows(l.zone())) {
                zones.add(zoneCheck(l, chart, net));
            }
            if (l.service() == null || zone == null || l.billedWeightLb() == null
                    || l.billedWeightLb() <= 0 || freight.size() != 1) {
                outcome = RateCheck.INCOMPLETE;
            } else {
                int pounds = (int) Pounds.roundedUp(l.billedWeightLb());
                PublishedRateLookup rate = index.publishedRate(l.carrier(), l.service(),
                        zone, pounds, l.shipDate(), l.invoiceDate());
                outcome = rate.outcome();
                if (rate.found()) {
                    Optional<ContractDiscount> discount = index.contractDiscount(
                            l.carrier(), l.accountNumber(), l.service(), zone, pounds, l.shipDate());
                    PublishedRate fact = new PublishedRate(l.row(),
                            l.carrier(), ServiceCatalog.canonical(l.service()),
                            PublishedRate.zone(zone), pounds, rate.listRate(), billedZone ? rate.edition()
                            : rate.edition() + "; zone " + PublishedRate.zone(zone) + " from " + chart.chart(),
                            l.publishedAmount() != null ? l.publishedAmount() : l.amount(), net,
                            discount.map(ContractDiscount::percent).orElse(null),
                            discount.map(ContractDiscount::source).orElse(null));
                    facts.add(fact);
                    outcome = fact.overbilled() ? RateCheck.ABOVE
                            : RateCheck.WITHIN;
                }
            }
            outcomes.merge(outcome, 1L, Long::sum);
        }
        return new RatedCharges(facts, zones, outcomes);
    }

    /**
     * What the carrier's zone chart in force on the ship date says of a domestic charge's service between the
     * shipper's and the recipient's ZIP codes.
     */
    private ZoneAnswer chartZone(ChargeLine l) {
        if (l.recipientCountry() != null && !l.recipientCountry().isBlank()
                && !l.recipientCountry().trim().equalsIgnoreCase("US")) {
            return new ZoneAnswer(ZoneStatus.NO_INPUT, List.of(), "not a domestic shipment");
        }
        return index.zone(l.carrier(), l.service(), l.senderPostalCode(), l.recipientPostalCode(), l.shipDate());
    }

    /**
     * A charge billed at a zone the chart does not give, priced with the published rates at both zones for the
     * billed weight when a rate table is in force and the chart gives one zone (else the fact states no money).
     */
    private ZoneCheck zoneCheck(ChargeLine l, ZoneAnswer chart, BigDecimal net) {
        int pounds = l.billedWeightLb() == null || l.billedWeightLb() <= 0 ? 0 : (int) Pounds.roundedUp(l.billedWeightLb());
        BigDecimal billedRate = null;
        BigDecimal chartRate = null;
        String edition = null;
        BigDecimal discount = null;
        if (pounds > 0 && chart.zone() != null && l.service() != null) {
            PublishedRateLookup atBilled = index.publishedRate(l.carrier(), l.service(), l.zone(), pounds,
                    l.shipDate(), l.invoiceDate());
            PublishedRateLookup atChart = index.publishedRate(l.carrier(), l.service(), chart.zone(), pounds,
                    l.shipDate(), l.invoiceDate());
            if (atBilled.found() && atChart.found()) {
                billedRate = atBilled.listRate();
                chartRate = atChart.listRate();
                edition = atBilled.edition();
                discount = index.contractDiscount(l.carrier(), l.accountNumber(), l.service(), chart.zone(), pounds,
                        l.shipDate()).map(ContractDiscount::percent).orElse(null);
            }
        }
        return new ZoneCheck(l.row(), l.carrier(), l.service() == null ? null : ServiceCatalog.canonical(l.service()), l.senderPostalCode(),
                l.recipientPostalCode(), l.zone(), String.join("/", chart.zones()), chart.chart(), pounds, billedRate,
                chartRate, edition, l.publishedAmount() != null ? l.publishedAmount() : l.amount(), net, discount);
    }

    /**
     * The contract rate at the billable weight of each transportation charge billed above it (the weights pack's
     * {@link ExpectedCharges}), when a rate sheet covers it: WBL-002 re-rates the overcharge with it. Empty without an
     * index or a rate sheet.
     */
    public List<BillableWeightRate> rerates(Collection<ChargeLine> lines, Collection<ExpectedCharges> expected) {
        if (index == null || expected.isEmpty()) {
            return List.of();
        }
        java.util.Map<String, ExpectedCharges> byTracking = new java.util.HashMap<>();
        expected.forEach(e -> byTracking.put(e.trackingNumber(), e));
        List<BillableWeightRate> out = new ArrayList<>();
        for (ChargeLine l : lines) {
            ExpectedCharges e = l.trackingNumber() == null ? null : byTracking.get(l.trackingNumber());
            if (e == null || l.chargeType() != ChargeType.FREIGHT || l.billedWeightLb() == null || l.zone() == null
                    || l.shipDate() == null || e.billableWeightLb() <= 0 || l.billedWeightLb() <= e.billableWeightLb()) {
                continue;
            }
            int pounds = (int) e.billableWeightLb();
            index.contractRate(l.carrier(), l.service(), l.zone(), pounds, l.shipDate()).ifPresent(r -> out.add(
                    new BillableWeightRate(l.row(), pounds, new ContractRate(l.row(), r.carrier(), r.service(),
                            r.zone(), r.weightLb(), r.listRate(), r.discountPercent(), r.source()).expected(),
                            r.source())));
        }
        return out;
    }

    /** The recorded packages the batch re-bills; one query for the batch, none when nothing was re-billed. */
    private void recorded(Collection<ChargeLine> lines, List<Object> out) {
        Set<String> rebilled = new HashSet<>();
        Set<String> addressCorrected = new HashSet<>();
        for (ChargeLine l : lines) {
            if (l.trackingNumber() != null && (l.chargeType() == ChargeType.ADJUSTMENT
                    || l.chargeType() == ChargeType.ADDRESS_CORRECTION)) {
                rebilled.add(l.trackingNumber());
                if (l.chargeType() == ChargeType.ADDRESS_CORRECTION) {
                    addressCorrected.add(l.trackingNumber());
                }
            }
        }
        if (rebilled.isEmpty()) {
            return;
        }
        for (ShippedPackage p : shipped.find(rebilled).values()) {
            out.add(addressCorrected.contains(p.trackingNumber()) ? p.withAddressValid(addressValid(p)) : p);
        }
    }

    /**
     * True when the recorded ship-to address checks out against postal data, false when it definitely does not, null
     * when it cannot be judged (no postal code, no postal data for the country, or an unknown code checked only
     * against the bundled sample, which cannot prove a code wrong).
     */
    private Boolean addressValid(ShippedPackage p) {
        if (index == null || p.shipToPostalCode() == null || p.shipToPostalCode().isBlank()
                || p.shipToCountry() == null) {
            return null;
        }
        AddressValidation v = index.validateAddress(new Address(null, null, p.shipToStreet(), null, p.shipToCity(),
                p.shipToState(), p.shipToPostalCode(), p.shipToCountry(), null));
        if (!v.postalChecked()) {
            return null;
        }
        return v.valid() ? Boolean.TRUE : v.sampleDataOnly() ? null : Boolean.FALSE;
    }

    private Optional<DeliveryAreaCheck> deliveryArea(ChargeLine l) {
        if (l.shipDate() == null || l.recipientPostalCode() == null
                || (l.recipientCountry() != null && !l.recipientCountry().equalsIgnoreCase("US"))) {
            return Optional.empty();
        }
        Optional<DeliveryAreaListing> found = index.deliveryArea(l.carrier(), l.shipDate(),
                l.recipientPostalCode());
        return found.map(d -> new DeliveryAreaCheck(l.row(), d.carrier(), d.year(), d.postalCode(), d.listed(),
                d.areaType(), d.edition(), DeliveryAreaTier.billed(l.chargeCode(), l.chargeDescription())
                .orElse(null)));
    }

    /**
     * What the carrier's accessorial table in force on the ship date gives a delivery-area charge at the tier its ZIP
     * code is listed at, for the charge's address kind (the carrier's classification, else the description's
     * "Resi"/"Comm") and network: the amount ACC-009 claims above. Empty when the table, the tier or the address kind
     * is not known.
     */
    private Optional<SurchargeRate> listedTierRate(ChargeLine l, DeliveryAreaCheck d) {
        DeliveryAreaTier tier = DeliveryAreaTier.of(d.areaType()).orElse(null);
        TransportMode mode = ServiceCatalog.mode(ServiceCatalog.canonical(l.service()));
        if (!d.listed() || tier == null || mode == TransportMode.UNKNOWN) {
            return Optional.empty();
        }
        String text = ((l.chargeDescription() == null ? "" : l.chargeDescription()) + " "
                + (l.chargeCode() == null ? "" : l.chargeCode())).toUpperCase(java.util.Locale.ROOT);
        Boolean residential = l.residential() != null ? l.residential()
                : text.contains("RESI") ? Boolean.TRUE : text.contains("COMM") ? Boolean.FALSE : null;
        return index.accessorials().amount(l.carrier(), l.shipDate(), AccessorialCharge.DELIVERY_AREA, residential,
                mode == TransportMode.AIR, tier, null).map(a -> new SurchargeRate(null, l.row(), a.carrier(),
                a.charge(), a.tier(), a.amount(), a.currency(), a.edition(), a.tableRow()));
    }

    /** The rate sheet's cell for the billed weight (whole pounds, rounded up as carriers rate). */
    private Optional<ContractRate> contractRate(ChargeLine l) {
        if (l.zone() == null || l.billedWeightLb() == null || l.billedWeightLb() <= 0 || l.shipDate() == null) {
            return Optional.empty();
        }
        int pounds = (int) Pounds.roundedUp(l.billedWeightLb());
        return index.contractRate(l.carrier(), l.service(), l.zone(), pounds, l.shipDate())
                .map(r -> new ContractRate(l.row(), r.carrier(), r.service(), r.zone(), r.weightLb(), r.listRate(),
                        r.discountPercent(), r.source()));
    }

    private Optional<FuelRate> fuel(ChargeLine l) {
        String group = fuelGroup(l);
        if (group == null || l.shipDate() == null) {
            return Optional.empty();
        }
        Optional<FuelTableRow> row = index.fuelRate(l.carrier(), group, l.shipDate());
        return row.map(r -> new FuelRate(l.row(), r.carrier(), r.group(), r.from(), r.to(), r.percent(),
                r.appliesTo(), r.source()));
    }

    /**
     * The fuel table a package is charged from: international when it leaves the US, else air or ground by the
     * service's mode. Null for a service whose mode is unknown: no table can be chosen.
     */
    static String fuelGroup(ChargeLine l) {
        if (l.recipientCountry() != null && !l.recipientCountry().isBlank()
                && !l.recipientCountry().trim().equalsIgnoreCase("US")) {
            return "INTERNATIONAL";
        }
        if (l.service() == null) {
            return null;
        }
        TransportMode mode = ServiceCatalog.mode(ServiceCatalog.canonical(l.service()));
        return switch (mode) {
            case AIR -> "AIR";
            case GROUND -> "GROUND";
            default -> null;
        };
    }
}
