package org.shipaudit.audit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shipaudit.findings.ClaimEvidence;
import org.shipaudit.findings.Finding;
import org.shipaudit.findings.Severity;
import org.shipaudit.model.ChargeLine;
import org.shipaudit.model.ChargeType;
import org.shipaudit.model.api.Money;

/**
 * Turns the rules' findings into what can honestly be claimed, package by package: the package model of money. Rules
 * say which charge is wrong and by how much at most; this class decides what a claim may be worth once the whole
 * package is in view, because a carrier pays back what was paid, net, and once:
 * <ol>
 *   <li>An informational finding claims nothing; nor does a finding on a negative or zero line (a discount, a
 *       credit): the claimed amount is removed and the evidence says why.</li>
 *   <li>A claim never exceeds what was paid, net, for the charges it disputes: for transportation that is the
 *       package's freight less its discounts (FedEx "Earned Discount", "Performance Pricing", UPS incentive lines),
 *       for a surcharge the package's lines of that type.</li>
 *   <li>Claims on the same charges of one package overlap (a guarantee refund and a weight claim both on the
 *       freight): the strongest is kept, the others claim nothing. FedEx Service Guide 2025, Terms "Money-Back
 *       Guarantee" A and B.3: the refund is of the transportation charges, "only one refund or credit is permitted
 *       per package".</li>
 *   <li>The claims of one package together never exceed its net total.</li>
 * </ol>
 * A package is the lines of one tracking number in the batch audited (batches end at package boundaries; a carrier's
 * correction rows billed later in the file are not part of it). Stateless and thread-safe.
 */
final class ClaimSettlement {

    static final String NOT_CLAIMED = "notClaimed";
    static final String CLAIM_BASIS = "claimBasis";
    static final String GROSS_CLAIM = "grossClaim";

    private ClaimSettlement() {
    }

    /** The findings with their claims settled, in the same order. */
    static List<Finding> settle(Collection<ChargeLine> lines, List<Finding> findings) {
        Map<String, PackageCharges> packages = new HashMap<>();
        Map<String, ChargeLine> byRowAndCode = new HashMap<>();
        for (ChargeLine l : lines) {
            if (l.trackingNumber() != null) {
                packages.computeIfAbsent(l.trackingNumber(), k -> new PackageCharges()).add(l);
            }
            byRowAndCode.putIfAbsent(l.row() + "\u0000" + l.chargeCode(), l);
            byRowAndCode.putIfAbsent(l.row() + "\u0000", l);
        }
        List<Finding> out = new ArrayList<>(findings);
        // Claims of each package on each charge type, strongest first, as indices into out.
        Map<String, Map<ChargeType, List<Integer>>> claims = new LinkedHashMap<>();
        for (int i = 0; i < out.size(); i++) {
            Finding f = out.get(i);
            if (f.amount() == null || f.amount().amount() == null) {
                continue;
            }
            if (f.severity() == Severity.INFO) {
                out.set(i, f.withClaim(null, Map.of(NOT_CLAIMED, "informational finding",
                        GROSS_CLAIM, plain(f.amount().amount()))));
                continue;
            }
            if (f.amount().amount().signum() <= 0) {
                out.set(i, f.withClaim(null, Map.of(NOT_CLAIMED, "negative or zero line",
                        GROSS_CLAIM, plain(f.amount().amount()))));
                continue;
            }
            ChargeLine line = lineOf(f, byRowAndCode);
            String tracking = f.row() != null && f.row().trackingNumber() != null ? f.row().trackingNumber()
                    : line == null ? null : line.trackingNumber();
            PackageCharges p = tracking == null ? null : packages.get(tracking);
            if (line == null || p == null) {
                continue;
            }
            BigDecimal net = p.netFor(line.chargeType());
            BigDecimal claim = f.amount().amount().min(net.max(BigDecimal.ZERO));
            if (claim.signum() == 0) {
                out.set(i, f.withClaim(null, Map.of(NOT_CLAIMED, "nothing was paid, net, for "
                        + basis(line.chargeType()) + " of package " + tracking, GROSS_CLAIM,
                        plain(f.amount().amount()))));
                continue;
            }
            if (claim.compareTo(f.amount().amount()) != 0) {
                out.set(i, capped(f, claim, line, "net paid for " + basis(line.chargeType()) + " of package "
                        + tracking + ": " + plain(net)));
            }
            claims.computeIfAbsent(tracking, k -> new EnumMap<>(ChargeType.class))
                    .computeIfAbsent(line.chargeType(), k -> new ArrayList<>()).add(i);
        }
        for (Map.Entry<String, Map<ChargeType, List<Integer>>> pkg : claims.entrySet()) {
            List<Integer> kept = new ArrayList<>();
            for (List<Integer> same : pkg.getValue().values()) {
                same.sort((a, b) -> out.get(b).claimable().compareTo(out.get(a).claimable()));
                kept.add(same.get(0));
                for (Integer other : same.subList(1, same.size())) {
                    Finding f = out.get(other);
                    Finding strongest = out.get(same.get(0));
                    out.set(other, f.withClaim(null, Map.of(NOT_CLAIMED, "overlaps " + strongest.ruleId() + " on "
                            + strongest.subject() + " (one claim per charge of a package)",
                            GROSS_CLAIM, plain(f.amount().amount()))));
                }
            }
            BigDecimal room = packages.get(pkg.getKey()).total().max(BigDecimal.ZERO);
            kept.sort(Integer::compare);
            for (Integer k : kept) {
                Finding f = out.get(k);
                BigDecimal claim = f.claimable().min(room);
                if (claim.compareTo(f.claimable()) != 0) {
                    ChargeLine line = lineOf(f, byRowAndCode);
                    out.set(k, claim.signum() > 0 ? capped(f, claim, line, "net total of package " + pkg.getKey()
                            + " after its other claims") : f.withClaim(null, Map.of(NOT_CLAIMED,
                            "package " + pkg.getKey() + " is already claimed in full", GROSS_CLAIM,
                            plain(f.amount().amount()))));
                }
                room = room.subtract(claim);
            }
        }
        return out;
    }

    private static Finding capped(Finding f, BigDecimal claim, ChargeLine line, String basis) {
        Map<String, String> e = new LinkedHashMap<>();
        e.put(GROSS_CLAIM, plain(f.amount().amount()));
        e.put(CLAIM_BASIS, basis);
        if (line != null && line.amount() != null) {
            e.put(ClaimEvidence.EXPECTED_AMOUNT, plain(line.amount().subtract(claim)));
        }
        return f.withClaim(new Money(claim, f.amount().currency()), e);
    }

    private static ChargeLine lineOf(Finding f, Map<String, ChargeLine> byRowAndCode) {
        long row = f.rowNumber();
        ChargeLine l = byRowAndCode.get(row + "\u0000" + f.evidence().get(ClaimEvidence.CHARGE_CODE));
        return l != null ? l : byRowAndCode.get(row + "\u0000");
    }

    private static String basis(ChargeType t) {
        return t == ChargeType.FREIGHT ? "transportation, net of discounts" : t.name();
    }

    private static String plain(BigDecimal v) {
        return v.setScale(Math.max(2, v.scale()), RoundingMode.HALF_UP).toPlainString();
    }

    /** What one package was billed, by type; discounts count against its transportation. */
    private static final class PackageCharges {
        private final Map<ChargeType, BigDecimal> byType = new EnumMap<>(ChargeType.class);
        private BigDecimal total = BigDecimal.ZERO;

        void add(ChargeLine l) {
            if (l.amount() != null) {
                byType.merge(l.chargeType(), l.amount(), BigDecimal::add);
                total = total.add(l.amount());
            }
        }

        BigDecimal netFor(ChargeType t) {
            BigDecimal v = byType.getOrDefault(t, BigDecimal.ZERO);
            return t == ChargeType.FREIGHT ? v.add(byType.getOrDefault(ChargeType.DISCOUNT, BigDecimal.ZERO)) : v;
        }

        BigDecimal total() {
            return total;
        }
    }
}
