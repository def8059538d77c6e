package org.shipaudit.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The tier a ZIP code is in on a carrier's delivery-area list, named the same for every carrier so a charge can be
 * checked at its tier: each carrier prints its own labels (FedEx CONTIGUOUS_EXTENDED, UPS US48_DAS_EXTENDED, the UPS
 * 2026 list das_extended), and {@link #of} maps them here.
 */
public enum DeliveryAreaTier {
    /** The base delivery-area charge in the 48 contiguous states (FedEx "Contiguous U.S.", UPS "US 48 DAS"). */
    DAS,
    /** The extended delivery-area charge. */
    EXTENDED,
    /** The remote-area charge in the 48 contiguous states. */
    REMOTE,
    /** The Alaska charge (UPS: Remote Alaska). */
    ALASKA,
    /** The Hawaii charge (UPS: Remote Hawaii). */
    HAWAII,
    /** FedEx's charge for deliveries within Hawaii. */
    INTRA_HAWAII;

    /**
     * The order of the contiguous-US tiers (DAS below EXTENDED below REMOTE), 0 for the Alaska and Hawaii tiers,
     * which are charges of their own rather than steps of that scale.
     */
    public int contiguousRank() {
        return switch (this) {
            case DAS -> 1;
            case EXTENDED -> 2;
            case REMOTE -> 3;
            default -> 0;
        };
    }

    /**
     * The tier an invoiced delivery-area charge names in its description ("DAS Extended Resi", "Delivery Area
     * Surcharge - Extended", "Remote Area Surcharge", "DAS Alaska"); empty when it names none, as a bare carrier
     * code does, so no tier is assumed.
     */
    public static Optional<DeliveryAreaTier> billed(String code, String description) {
        String d = ((description == null ? "" : description) + " " + (code == null ? "" : code))
                .toUpperCase(Locale.ROOT);
        if (d.contains("INTRA HAWAII") || d.contains("INTRA-HAWAII")) {
            return Optional.of(INTRA_HAWAII);
        }
        if (d.contains("ALASKA")) {
            return Optional.of(ALASKA);
        }
        if (d.contains("HAWAII")) {
            return Optional.of(HAWAII);
        }
        if (d.contains("REMOTE")) {
            return Optional.of(REMOTE);
        }
        if (d.contains("EXTENDED") || d.matches(".*\\bEDAS\\b.*")) {
            return Optional.of(EXTENDED);
        }
        if (d.contains("DELIVERY AREA") || d.matches("(.*\\s)?DAS\\b.*")) {
            return Optional.of(DAS);
        }
        return Optional.empty();
    }

    /** The tier a carrier's label names; empty for a label no carrier list uses. */
    public static Optional<DeliveryAreaTier> of(String label) {
        String l = label == null ? "" : label.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        return Optional.ofNullable(switch (l) {
            case "", "DAS", "CONTIGUOUS", "CONTIGUOUS_US", "US48_DAS", "DAS_STANDARD" -> DAS;
            case "EXTENDED", "DAS_EXTENDED", "CONTIGUOUS_EXTENDED", "CONTIGUOUS_US_EXTENDED", "US48_DAS_EXTENDED" ->
                    EXTENDED;
            case "REMOTE", "CONTIGUOUS_REMOTE", "REMOTE_US48" -> REMOTE;
            case "ALASKA", "REMOTE_AK", "REMOTE_ALASKA" -> ALASKA;
            case "HAWAII", "REMOTE_HI", "REMOTE_HAWAII" -> HAWAII;
            case "INTRA_HAWAII" -> INTRA_HAWAII;
            default -> null;
        });
    }
}
