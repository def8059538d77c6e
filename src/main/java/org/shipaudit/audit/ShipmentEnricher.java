package org.shipaudit.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.time.LocalDate;
import org.shipaudit.model.AccessorialCharge;
import org.shipaudit.model.api.Address;
import org.shipaudit.model.AuditContext;
import org.shipaudit.model.DeliveryAreaTier;
import org.shipaudit.model.DestinationDeliveryArea;
import org.shipaudit.model.SurchargeRate;
import org.shipaudit.model.TransportMode;
import org.shipaudit.reference.AccessorialTables;
import org.shipaudit.reference.zones.ZoneAnswer;
import org.shipaudit.reference.DeliveryAreaListing;
import org.shipaudit.model.AddressCheck;
import org.shipaudit.model.lookup.Countries;
import org.shipaudit.model.lookup.ExchangeRates;
import org.shipaudit.model.HazmatFact;
import org.shipaudit.model.HazmatLookup;
import org.shipaudit.model.LineItem;
import org.shipaudit.model.api.Shipment;
import org.shipaudit.model.TariffMatch;
import org.shipaudit.model.TariffPlausibility;
import org.shipaudit.model.TariffSuggestion;
import org.shipaudit.reference.AddressIssue;
import org.shipaudit.reference.ClassifyRequest;
import org.shipaudit.reference.TariffClassification;
import org.shipaudit.reference.AddressIssueCode;
import org.shipaudit.reference.AddressValidation;
import org.shipaudit.reference.Coverage;
import org.shipaudit.reference.HazmatEntry;
import org.shipaudit.reference.PostalPlace;
import org.shipaudit.reference.ReferenceIndex;
import org.shipaudit.reference.TariffLine;
import org.shipaudit.reference.screening.SanctionsList;
import org.shipaudit.reference.screening.ScreeningThresholds;
import org.shipaudit.screening.PartyScreening;

/**
 * Looks up, before rules fire, what the rules need from the reference index and returns it as facts: for each item
 * the declared HS code in HS and in the national schedule of the destination (or origin) when loaded
 * ({@link TariffMatch}), the tariff classifier's best headings for its description on international shipments
 * ({@link TariffSuggestion}), the
 * Hazardous Materials Table entries for its UN number ({@link HazmatLookup}, {@link HazmatFact}); for ship-from and
 * ship-to an {@link AddressCheck}. Sources that are not loaded give no facts, so
 * the rules that need them stay silent.
 *
 * <p>Thread-safe (the index is); does blocking I/O on a memory-mapped index, so call it from a worker thread. Costs
 * a few exact look-ups per item (10-20 µs each) plus, on international shipments, one tariff search per item with a
 * description and code (about 400 µs on the bundled sample, measured with the US-to-Germany example).
 */
public final class ShipmentEnricher {

    /** Headings per item: the plausibility rule accepts the declared code if any of its top N shares its chapter. */
    public static final int SUGGESTIONS = 10;

    // Compiled once: they run on every item of every audit, and String.matches/replaceAll compile on each call.
    private static final java.util.regex.Pattern HS_DIGITS = java.util.regex.Pattern.compile("\\d{2,10}");
    private static final java.util.regex.Pattern NOT_DIGIT = java.util.regex.Pattern.compile("\\D");

    private final ReferenceIndex index;
    private final PartyScreening screening;
    private final int maxRateAgeDays;

    /** Screens parties with the default thresholds and no clearances (offline audits). */
    public ShipmentEnricher(ReferenceIndex index) {
        this(index, new PartyScreening(index, null, ScreeningThresholds.DEFAULTS));
    }

    /** @param screening screens the parties; null to screen none */
    public ShipmentEnricher(ReferenceIndex index, PartyScreening screening) {
        this(index, screening, ExchangeRates.DEFAULT_MAX_AGE_DAYS);
    }

    /**
     * @param maxRateAgeDays how many days before the ship date an exchange rate may be published and still convert a
     *                       value ({@code reference.exchange-rate-max-age-days})
     */
    public ShipmentEnricher(ReferenceIndex index, PartyScreening screening, int maxRateAgeDays) {
        this.index = index;
        this.screening = screening;
        this.maxRateAgeDays = maxRateAgeDays;
    }

    /**
     * The exchange rates usable on the ship date, which {@link org.shipaudit.model.ShipmentFacts} converts values
     * with; {@link ExchangeRates#NONE} when no rate table is loaded or none is recent enough.
     */
    public ExchangeRates exchangeRates(java.time.LocalDate day) {
        return index.exchangeRates(day, maxRateAgeDays);
    }

    /** The reference facts for a shipment, given the item facts ShipmentFacts built from it. */
    public List<Object> facts(Shipment shipment, List<Object> shipmentFacts) {
        Coverage coverage = index.coverage();
        List<Object> out = new ArrayList<>();
        if (coverage == null || coverage.sources().isEmpty()) {
            return out;
        }
        String origin = country(shipment.shipFrom());
        String destination = country(shipment.shipTo());
        for (Object f : shipmentFacts) {
            if (f instanceof LineItem item) {
                tariff(item, origin, destination, coverage, out);
                hazmat(item, coverage, out);
            }
        }
        address("shipFrom", shipment.shipFrom(), out);
        address("shipTo", shipment.shipTo(), out);
        if ("US".equals(origin) && "US".equals(destination)) {
            surcharges(shipment, shipmentFacts, out);
        }
        if (screening != null && screens(coverage)) {
            // The lists are looked up before rules fire, like every reference fact: the pack only judges matches.
            out.addAll(screening.screen(shipment, null));
        }
        return out;
    }

    /**
     * What the carrier's published tables in force on the ship date say of a domestic shipment's surcharges: the
     * ship-to ZIP code's delivery-area tier when it is on the carrier's list ({@link DestinationDeliveryArea}), and the
     * amount of each accessorial the carrier's accessorial table gives for this address kind, network, tier and
     * rating zone ({@link SurchargeRate}). Whether a surcharge applies is the rules' to say; these are its prices.
     */
    private void surcharges(Shipment shipment, List<Object> shipmentFacts, List<Object> out) {
        AuditContext c = shipmentFacts.stream().filter(AuditContext.class::isInstance).map(AuditContext.class::cast)
                .findFirst().orElse(null);
        if (c == null || c.getCarrier() == null || c.getBusinessDate() == null) {
            return;
        }
        String carrier = c.getCarrier();
        LocalDate day = c.getBusinessDate();
        DeliveryAreaTier tier = shipment.shipTo().postalCode() == null ? null
                : index.deliveryArea(carrier, day, shipment.shipTo().postalCode())
                        .filter(DeliveryAreaListing::listed)
                        .flatMap(d -> DeliveryAreaTier.of(d.areaType()).map(t -> {
                            out.add(new DestinationDeliveryArea(c.getKey(), d.carrier(), d.postalCode(), t,
                                    d.edition()));
                            return t;
                        }))
                        .orElse(null);
        AccessorialTables tables = index.accessorials();
        if (c.getMode() == TransportMode.UNKNOWN || !tables.inForce(carrier, day)) {
            return;
        }
        Boolean residential = shipment.shipTo().residential();
        boolean air = c.getMode() == TransportMode.AIR;
        // Zone-tiered amounts (UPS additional handling and large package by zone group) need the rating zone: the
        // shipment's own, else the one the carrier's zone chart in force gives between the two ZIP codes.
        String chart = null;
        Integer zone = AccessorialTables.baseZone(shipment.zone());
        if (zone == null && shipment.shipFrom() != null) {
            ZoneAnswer z = index.zone(carrier, c.getService(), shipment.shipFrom().postalCode(),
                    shipment.shipTo().postalCode(), day);
            zone = AccessorialTables.baseZone(z.zone());
            chart = zone == null ? null : "zone " + z.zone() + " from " + z.chart();
        }
        String zoneSource = chart;
        for (AccessorialCharge charge : AccessorialCharge.values()) {
            if (charge == AccessorialCharge.DELIVERY_AREA && tier == null) {
                continue;
            }
            // The residential surcharge's amount is the residential one by definition; WGT-032 decides if it applies.
            Boolean kind = charge == AccessorialCharge.RESIDENTIAL ? Boolean.TRUE : residential;
            tables.amount(carrier, day, charge, kind, air, charge == AccessorialCharge.DELIVERY_AREA ? tier : null,
                    zone).ifPresent(a -> out.add(new SurchargeRate(c.getKey(), 0, carrier, charge, a.tier(),
                    a.amount(), a.currency(), a.edition(), zoneSource == null || a.zoneMin() == 0 ? a.tableRow()
                    : a.tableRow() + " (" + zoneSource + ")")));
        }
    }

    private void tariff(LineItem item, String origin, String destination, Coverage coverage, List<Object> out) {
        String digits = item.getHsDigits();
        if (digits == null || !HS_DIGITS.matcher(digits).matches()) {
            return;
        }
        if (coverage.has("tariff:HS")) {
            boolean sample = bundled(coverage, "tariff:HS");
            out.add(match(item, "HS", digits.length() > 6 ? digits.substring(0, 6) : digits, sample));
            // The description search is the one costly look-up (a few hundred microseconds per item against
            // 10-20 for exact look-ups), and classification matters to customs: only international items get it.
            boolean international = origin != null && destination != null && !origin.equals(destination);
            if (international && !item.isDescriptionMissing() && digits.length() >= 4) {
                // The classifier's headings, each with its confidence and reasons; none when it abstains (too vague).
                TariffClassification c = index.classifyTariff(ClassifyRequest.of(item.getDescription(), "HS"));
                List<TariffClassification.Candidate> best = c.headings();
                for (int r = 0; r < Math.min(SUGGESTIONS, best.size()); r++) {
                    TariffClassification.Candidate h = best.get(r);
                    out.add(new TariffSuggestion(item.getIndex(), r + 1, "HS", h.code(), h.description(),
                            h.confidence(), sample, String.join("; ", h.reasons())));
                }
                if (c.answered()) {
                    // How much of the evidence backs the declared code's section: HSC-006's calibrated measure.
                    out.add(new TariffPlausibility(item.getIndex(), "HS", c.sectionShare(digits), c.chapterShare(digits),
                            c.nounsKnown()));
                }
            }
        }
        if (digits.length() > 6) {
            boolean international = origin != null && destination != null && !origin.equals(destination);
            String exporter = national(origin);
            String importer = national(destination);
            // A US export declares its Schedule B / HTSUS number (as US exporters must); otherwise the code is the
            // importer's line. Each falls back to the other schedule when its own is not loaded.
            String full = international && "US".equals(origin) ? exporter : importer;
            if (full == null || !coverage.has("tariff:" + full)) {
                full = Objects.equals(full, exporter) ? importer : exporter;
            }
            if (full != null && coverage.has("tariff:" + full)) {
                out.add(match(item, full, digits, bundled(coverage, "tariff:" + full)));
            }
            // The other country's schedule shares only the international 6 digits with the declared line.
            String other = Objects.equals(full, exporter) ? importer : exporter;
            if (international && other != null && !other.equals(full) && coverage.has("tariff:" + other)) {
                out.add(match(item, other, digits.substring(0, 6), bundled(coverage, "tariff:" + other)));
            }
        }
    }

    private static String national(String country) {
        if ("US".equals(country)) {
            return "HTSUS";
        }
        return Countries.isEu(country) ? "EU_CN" : null;
    }

    private TariffMatch match(LineItem item, String schedule, String digits, boolean sample) {
        Optional<TariffLine> line = index.tariff(schedule, digits);
        // The padding look-up finds 6109.10.00 for "6109.10"; a declared 10-digit line must exist as declared.
        boolean found = line.isPresent() && (digits.length() <= 6 || NOT_DIGIT.matcher(line.get().code()).replaceAll("")
                .startsWith(digits.length() > 10 ? digits.substring(0, 10) : digits));
        boolean heading = digits.length() >= 4 && (found || index.tariff(schedule, digits.substring(0, 4)).isPresent());
        return new TariffMatch(item.getIndex(), item.getHsCode(), schedule, found,
                line.map(TariffLine::code).orElse(null), line.map(TariffLine::level).orElse(0),
                line.map(TariffLine::description).orElse(null), heading, sample);
    }

    private void hazmat(LineItem item, Coverage coverage, List<Object> out) {
        if (!item.isDangerousGoods() || !coverage.has("hazmat")) {
            return;
        }
        if (item.getUnNumber() != null) {
            List<HazmatEntry> entries = index.hazmat(item.getUnNumber());
            out.add(new HazmatLookup(item.getIndex(), item.getUnNumber(), entries.size(), bundled(coverage, "hazmat")));
            List<HazmatEntry> named = HazmatEntryChoice.named(entries, item);
            for (HazmatEntry e : entries) {
                out.add(fact(item, e, named.contains(e)));
            }
        }
        if (item.getProperShippingName() != null) {
            // Column 3 "Forbidden" entries carry no number: only the declared name can reach them.
            for (HazmatEntry e : index.forbiddenHazmat(item.getProperShippingName())) {
                out.add(fact(item, e, true));
            }
        }
    }

    private static HazmatFact fact(LineItem item, HazmatEntry e, boolean named) {
        return new HazmatFact(item.getIndex(), e.unNumber(), e.properShippingName(), e.hazardClass(), e.packingGroup(),
                e.passengerAircraftLimit(), e.cargoAircraftLimit(), e.forbidden(), named);
    }

    private void address(String subject, Address address, List<Object> out) {
        if (address == null) {
            return;
        }
        AddressValidation v = index.validateAddress(territoryAsCountry(address));
        boolean unknown = false;
        boolean state = false;
        boolean city = false;
        List<String> issues = new ArrayList<>();
        for (AddressIssue i : v.issues()) {
            issues.add(i.field() + ": " + i.message());
            unknown |= i.code() == AddressIssueCode.POSTAL_CODE_UNKNOWN;
            state |= i.code() == AddressIssueCode.STATE_MISMATCH;
            city |= i.code() == AddressIssueCode.CITY_MISMATCH;
        }
        List<String> candidates = v.candidates().stream().limit(5).map(ShipmentEnricher::oneLine).toList();
        Address checked = territoryAsCountry(address);
        List<String> places = v.postalChecked() && address.postalCode() != null
                ? index.postalPlaces(checked.country(), checked.postalCode()).stream().limit(5)
                        .map(ShipmentEnricher::place).toList()
                : List.of();
        out.add(new AddressCheck(subject, v.valid(), v.postalChecked(), unknown, state, city, issues, candidates,
                places, v.sampleDataOnly()));
    }

    /**
     * GeoNames files US territories under their own country code (PR, GU, VI) while USPS and carriers write them as
     * US states: check "US, state PR" against the PR postal data so that a San Juan ZIP is not reported unknown.
     */
    private static Address territoryAsCountry(Address a) {
        String state = a.state() == null ? null : a.state().trim().toUpperCase(java.util.Locale.ROOT);
        if ("US".equals(country(a)) && Countries.isUsTerritory(state)) {
            return new Address(a.name(), a.company(), a.street1(), a.street2(), a.city(), null, a.postalCode(), state,
                    a.residential());
        }
        return a;
    }

    private static String oneLine(Address a) {
        return String.join(", ", java.util.stream.Stream.of(a.city(), a.state(), a.postalCode(), a.country())
                .filter(s -> s != null && !s.isBlank()).toList());
    }

    private static String place(PostalPlace p) {
        return p.postalCode() + " " + p.place() + (p.stateCode() == null || p.stateCode().isBlank() ? ""
                : ", " + p.stateCode());
    }

    private static boolean screens(Coverage coverage) {
        for (SanctionsList l : SanctionsList.values()) {
            if (coverage.has(l.source())) {
                return true;
            }
        }
        return false;
    }

    private static boolean bundled(Coverage coverage, String id) {
        return coverage.source(id).map(Coverage.Source::bundled).orElse(false);
    }

    private static String country(Address a) {
        return a == null || a.country() == null ? null : a.country().trim().toUpperCase(java.util.Locale.ROOT);
    }
}
