package org.shipaudit.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.shipaudit.model.ChargeLine;
import org.shipaudit.model.ChargeType;
import org.shipaudit.model.DeliveryAreaCheck;
import org.shipaudit.model.FuelRate;
import org.shipaudit.model.ServiceCatalog;
import org.shipaudit.model.TransportMode;
import org.shipaudit.reference.DeliveryAreaListing;
import org.shipaudit.reference.FuelTableRow;
import org.shipaudit.reference.ReferenceIndex;

/**
 * Looks up, before the invoice rules fire, the carrier tables a charge is judged against: for a delivery-area
 * surcharge whether the ZIP code is on the carrier's list for the ship year ({@link DeliveryAreaCheck}), for a fuel
 * surcharge the percentage of the carrier's weekly table in force on the ship date ({@link FuelRate}). A table that
 * is not loaded gives no fact, so the rule that needs it stays silent rather than guessing. Thread-safe; does
 * blocking look-ups (exact keyword look-ups, about 10 µs; fuel rows are in memory), so call it off the event loop.
 */
public final class InvoiceEnricher {

    private final ReferenceIndex index;

    /** @param index the reference index, or null when there is none (then no facts are added) */
    public InvoiceEnricher(ReferenceIndex index) {
        this.index = index;
    }

    public List<Object> facts(Collection<ChargeLine> lines) {
        List<Object> out = new ArrayList<>();
        if (index == null) {
            return out;
        }
        for (ChargeLine l : lines) {
            if (l.chargeType() == ChargeType.DELIVERY_AREA_SURCHARGE) {
                deliveryArea(l).ifPresent(out::add);
            } else if (l.chargeType() == ChargeType.FUEL_SURCHARGE) {
                fuel(l).ifPresent(out::add);
            }
        }
        return out;
    }

    private Optional<DeliveryAreaCheck> deliveryArea(ChargeLine l) {
        if (l.shipDate() == null || l.recipientPostalCode() == null
                || (l.recipientCountry() != null && !l.recipientCountry().equalsIgnoreCase("US"))) {
            return Optional.empty();
        }
        Optional<DeliveryAreaListing> found = index.deliveryArea(l.carrier(), l.shipDate().getYear(),
                l.recipientPostalCode());
        return found.map(d -> new DeliveryAreaCheck(l.row(), d.carrier(), d.year(), d.postalCode(), d.listed(),
                d.areaType(), d.edition()));
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
