package org.shipaudit.audit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
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
 *       per package". A claim made for the same package and charge in an earlier upload of the account counts as
 *       the same claim: only what goes beyond it is claimed again.</li>
 *   <li>A credit billed after the disputed line (a shipping charge correction, a void, a credit of that charge) is
 *       the carrier paying back already: it reduces the claim, or cancels it. A credit billed before the line (a void
 *       before its rebill) refunds something else and does not.</li>
 *   <li>The claims of one package together never exceed its net total.</li>
 * </ol>
 * Within a batch this runs on the batch's lines ({@link #settle(Collection, List)}); a job keeps each package's
 * {@link PackageBill} in its ledger and settles it again from the whole ({@link #settle(PackageBill, Map)}) when a
 * later batch brings more of the package, so the result is that of the package read whole. Stateless, thread-safe.
 */
public final class ClaimSettlement {

    static final String NOT_CLAIMED = "notClaimed";
    static final String CLAIM_BASIS = "claimBasis";
    static final String GROSS_CLAIM = "grossClaim";

    private ClaimSettlement() {
    }

    /** A batch's findings with their claims settled (same order), and the ledger entry of each package in it. */
    public record Settled(List<Finding> findings, List<PackageBill> packages) {
    }

    /** What an earlier upload of the same account claimed for one charge of a package, and in which job. */
    public record Earlier(String job, BigDecimal amount) {
    }

    /**
     * One claim as settled, and why it is less than the rule claimed: {@code notClaimed} when it claims nothing,
     * {@code basis} when it claims part.
     */
    public record Outcome(PackageBill.Claim claim, String notClaimed, String basis) {
    }

    /** The findings with their claims settled, in the same order. */
    static List<Finding> settle(Collection<ChargeLine> lines, List<Finding> findings) {
        return settleBatch(lines, findings).findings();
    }

    /**
     * Settles a batch and gives each package's ledger entry; a claim's {@code seq} there is its finding's index in
     * the findings returned.
     */
    static Settled settleBatch(Collection<ChargeLine> lines, List<Finding> findings) {
        Map<String, Bill> packages = new LinkedHashMap<>();
        Map<String, ChargeLine> byRowAndCode = new HashMap<>();
        for (ChargeLine l : lines) {
            if (l.trackingNumber() != null) {
                packages.computeIfAbsent(l.trackingNumber(), k -> new Bill(l)).add(l);
            }
            byRowAndCode.putIfAbsent(l.row() + "\u0000" + l.chargeCode(), l);
            byRowAndCode.putIfAbsent(l.row() + "\u0000", l);
        }
        List<Finding> out = new ArrayList<>(findings);
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
            Bill p = tracking == null ? null : packages.get(tracking);
            if (line == null || p == null) {
                continue;
            }
            p.claims.add(new PackageBill.Claim(f.rowNumber(), i, f.ruleId(), f.subject(), line.chargeType(),
                    f.amount().amount(), f.amount().currency(), line.amount(),
                    f.evidence().get(ClaimEvidence.EXPECTED_AMOUNT), BigDecimal.ZERO));
        }
        List<PackageBill> bills = new ArrayList<>(packages.size());
        for (Bill b : packages.values()) {
            PackageBill bill = b.bill();
            if (!bill.claims().isEmpty()) {
                List<PackageBill.Claim> settled = new ArrayList<>();
                for (Outcome o : settle(bill, Map.of())) {
                    int i = (int) o.claim().seq();
                    out.set(i, apply(out.get(i), o));
                    settled.add(o.claim());
                }
                bill = bill.withClaims(settled);
            }
            bills.add(bill);
        }
        return new Settled(out, bills);
    }

    /**
     * Settles every claim of a package from its ledger entry: rules 2 to 5 above, in row order.
     *
     * @param earlier what earlier uploads of the account claimed for each charge of the package
     * @return one outcome per claim, in row order
     */
    public static List<Outcome> settle(PackageBill p, Map<ChargeType, Earlier> earlier) {
        List<PackageBill.Claim> claims = new ArrayList<>(p.claims());
        claims.sort(Comparator.comparingLong(PackageBill.Claim::row).thenComparingLong(PackageBill.Claim::seq));
        int n = claims.size();
        BigDecimal[] value = new BigDecimal[n];
        String[] none = new String[n];
        String[] basis = new String[n];
        String tracking = p.trackingNumber();
        Map<ChargeType, List<Integer>> byType = new EnumMap<>(ChargeType.class);
        for (int k = 0; k < n; k++) {
            PackageBill.Claim c = claims.get(k);
            BigDecimal net = p.netFor(c.type());
            value[k] = c.gross().min(net.max(BigDecimal.ZERO));
            if (value[k].signum() == 0) {
                none[k] = "nothing was paid, net, for " + basis(c.type()) + " of package " + tracking;
                continue;
            }
            if (value[k].compareTo(c.gross()) != 0) {
                basis[k] = "net paid for " + basis(c.type()) + " of package " + tracking + ": " + plain(net);
            }
            byType.computeIfAbsent(c.type(), t -> new ArrayList<>()).add(k);
        }
        List<Integer> kept = new ArrayList<>();
        for (Map.Entry<ChargeType, List<Integer>> same : byType.entrySet()) {
            List<Integer> ks = same.getValue();
            ks.sort((a, b) -> value[b].compareTo(value[a])); // stable: of equal claims the first in row order stays
            int strongest = ks.get(0);
            for (Integer other : ks.subList(1, ks.size())) {
                PackageBill.Claim s = claims.get(strongest);
                value[other] = BigDecimal.ZERO;
                basis[other] = null;
                none[other] = "overlaps " + s.ruleId() + " on " + s.subject() + " (one claim per charge of a package)";
            }
            Earlier e = earlier.get(same.getKey());
            if (e != null && e.amount().signum() > 0) {
                BigDecimal left = value[strongest].subtract(e.amount());
                if (left.signum() <= 0) {
                    value[strongest] = BigDecimal.ZERO;
                    basis[strongest] = null;
                    none[strongest] = "claimed already for package " + tracking + " in job " + e.job() + ": "
                            + plain(e.amount());
                } else {
                    value[strongest] = left;
                    basis[strongest] = "less " + plain(e.amount()) + " claimed already for package " + tracking
                            + " in job " + e.job();
                }
            }
            if (value[strongest].signum() > 0) {
                kept.add(strongest);
            }
        }
        kept.sort(Integer::compare);
        refund(p, claims, kept, value, none, basis);
        BigDecimal room = p.total().max(BigDecimal.ZERO);
        for (Integer k : kept) {
            if (value[k].signum() == 0) {
                continue;
            }
            BigDecimal claim = value[k].min(room);
            if (claim.compareTo(value[k]) != 0) {
                if (claim.signum() > 0) {
                    basis[k] = "net total of package " + tracking + " after its other claims";
                } else {
                    basis[k] = null;
                    none[k] = "package " + tracking + " is already claimed in full";
                }
                value[k] = claim;
            }
            room = room.subtract(claim);
        }
        List<Outcome> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            out.add(new Outcome(claims.get(k).withClaimed(value[k]), none[k], basis[k]));
        }
        return out;
    }

    /** Rule 4: each credit billed after a kept claim's line pays it back, the earliest claims first. */
    private static void refund(PackageBill p, List<PackageBill.Claim> claims, List<Integer> kept, BigDecimal[] value,
                               String[] none, String[] basis) {
        if (p.credits().isEmpty()) {
            return;
        }
        List<PackageBill.Credit> credits = new ArrayList<>(p.credits());
        credits.sort(Comparator.comparingLong(PackageBill.Credit::row));
        BigDecimal[] left = new BigDecimal[credits.size()];
        for (int j = 0; j < left.length; j++) {
            left[j] = credits.get(j).amount().negate();
        }
        for (Integer k : kept) {
            PackageBill.Claim c = claims.get(k);
            BigDecimal refunded = BigDecimal.ZERO;
            List<Long> rows = new ArrayList<>();
            for (int j = 0; j < left.length && value[k].signum() > 0; j++) {
                PackageBill.Credit cr = credits.get(j);
                if (cr.row() > c.row() && cr.refunds(c.type()) && left[j].signum() > 0) {
                    BigDecimal use = left[j].min(value[k]);
                    left[j] = left[j].subtract(use);
                    value[k] = value[k].subtract(use);
                    refunded = refunded.add(use);
                    rows.add(cr.row());
                }
            }
            if (refunded.signum() > 0) {
                String where = "credited on row" + (rows.size() > 1 ? "s " : " ")
                        + String.join(", ", rows.stream().map(String::valueOf).toList());
                if (value[k].signum() == 0) {
                    basis[k] = null;
                    none[k] = "refunded by the carrier already: " + plain(refunded) + " " + where;
                } else {
                    basis[k] = "less " + plain(refunded) + " " + where;
                }
            }
        }
    }

    /**
     * The finding as its claim was settled: claiming nothing, part (with the gross, the basis and the line's
     * expected amount after the claim), or what the rule claimed (its own evidence back, should an earlier
     * settlement have capped it).
     */
    public static Finding apply(Finding f, Outcome o) {
        PackageBill.Claim c = o.claim();
        Map<String, String> e = new LinkedHashMap<>(f.evidence());
        e.remove(NOT_CLAIMED);
        e.remove(CLAIM_BASIS);
        e.remove(GROSS_CLAIM);
        if (c.expected() != null) {
            e.put(ClaimEvidence.EXPECTED_AMOUNT, c.expected());
        } else {
            e.remove(ClaimEvidence.EXPECTED_AMOUNT);
        }
        Money amount;
        if (c.claimed().signum() == 0) {
            e.put(NOT_CLAIMED, o.notClaimed() != null ? o.notClaimed() : "nothing left to claim");
            e.put(GROSS_CLAIM, plain(c.gross()));
            amount = null;
        } else if (o.basis() == null && c.claimed().compareTo(c.gross()) == 0) {
            amount = new Money(c.gross(), c.currency());
        } else {
            e.put(GROSS_CLAIM, plain(c.gross()));
            e.put(CLAIM_BASIS, o.basis());
            if (c.line() != null) {
                e.put(ClaimEvidence.EXPECTED_AMOUNT, plain(c.line().subtract(c.claimed())));
            }
            amount = new Money(c.claimed(), c.currency());
        }
        Finding settled = new Finding(f.ruleId(), f.pack(), f.packVersion(), f.category(), f.severity(), f.message(),
                f.subject(), e, amount, f.suggestion(), f.row());
        return settled.equals(f) ? f : settled;
    }

    private static ChargeLine lineOf(Finding f, Map<String, ChargeLine> byRowAndCode) {
        long row = f.rowNumber();
        ChargeLine l = byRowAndCode.get(row + "\u0000" + f.evidence().get(ClaimEvidence.CHARGE_CODE));
        return l != null ? l : byRowAndCode.get(row + "\u0000");
    }

    private static String basis(ChargeType t) {
        return t == ChargeType.FREIGHT ? "transportation, net of discounts" : t.name();
    }

    static String plain(BigDecimal v) {
        return v.setScale(Math.max(2, v.scale()), RoundingMode.HALF_UP).toPlainString();
    }

    /** A package's lines of a batch being added up into its ledger entry. */
    private static final class Bill {
        private final String tracking;
        private final String account;
        private final Map<ChargeType, BigDecimal> byType = new EnumMap<>(ChargeType.class);
        private final List<PackageBill.Credit> credits = new ArrayList<>();
        private final List<PackageBill.Claim> claims = new ArrayList<>();

        Bill(ChargeLine first) {
            this.tracking = first.trackingNumber();
            this.account = first.accountNumber();
        }

        void add(ChargeLine l) {
            if (l.amount() != null && l.chargeType() != null) {
                byType.merge(l.chargeType(), l.amount(), BigDecimal::add);
                if (l.amount().signum() < 0 && l.chargeType() != ChargeType.DISCOUNT) {
                    credits.add(new PackageBill.Credit(l.row(), l.chargeType(), l.amount()));
                }
            }
        }

        PackageBill bill() {
            return new PackageBill(tracking, account, byType, credits, claims);
        }
    }
}
