package org.shipaudit.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.shipaudit.model.ChargeType;

/**
 * What one package was billed and claimed, as far as a job has read it: the ledger entry that lets a carrier's
 * correction, credit or discount billed thousands of rows (batches, chunks) after a package's first lines still be
 * netted with it. {@link ClaimSettlement#settle(PackageBill, Map)} settles its claims from this alone, so the result
 * depends on what the job read, not on the order the batches were committed in.
 *
 * @param account  the account billed (null when the invoice names none): claims of earlier uploads count only when
 *                 made for the same account
 * @param billed   the package's lines added up by charge type (credits and discounts included, negative)
 * @param credits  its negative lines other than discounts: refunds and corrections the carrier already gave
 * @param claims   every claim made on it, claimable or not, in row order
 */
public record PackageBill(String trackingNumber, String account, Map<ChargeType, BigDecimal> billed,
                          List<Credit> credits, List<Claim> claims) {

    public PackageBill {
        billed = new EnumMap<>(billed.isEmpty() ? new EnumMap<>(ChargeType.class) : billed);
        credits = List.copyOf(credits);
        claims = List.copyOf(claims);
    }

    /** A negative line: the carrier paid back {@code amount} (negative) of {@code type} on sheet row {@code row}. */
    public record Credit(long row, ChargeType type, BigDecimal amount) {

        /** Whether this credit refunds a claim on {@code claimed}: a credit of that charge, or a correction or void. */
        boolean refunds(ChargeType claimed) {
            return type == claimed || type == ChargeType.ADJUSTMENT || type == ChargeType.VOID;
        }
    }

    /**
     * One claim on the package, as the rule made it and as settled so far.
     *
     * @param seq      the finding's position: its index in the batch's findings until stored, then its job sequence
     * @param type     the charge type of the line it disputes
     * @param gross    what the rule claimed, in {@code currency}
     * @param line     the amount of the line it disputes
     * @param expected the rule's own expected amount of that line (null when it gave none)
     * @param claimed  what is claimed after settlement (zero when nothing)
     */
    public record Claim(long row, long seq, String ruleId, String subject, ChargeType type, BigDecimal gross,
                        String currency, BigDecimal line, String expected, BigDecimal claimed) {

        public Claim withClaimed(BigDecimal v) {
            return new Claim(row, seq, ruleId, subject, type, gross, currency, line, expected, v);
        }

        public Claim withSeq(long s) {
            return new Claim(row, s, ruleId, subject, type, gross, currency, line, expected, claimed);
        }
    }

    /** The net of one charge type; transportation is net of the package's discounts (the price actually paid). */
    BigDecimal netFor(ChargeType t) {
        BigDecimal v = billed.getOrDefault(t, BigDecimal.ZERO);
        return t == ChargeType.FREIGHT ? v.add(billed.getOrDefault(ChargeType.DISCOUNT, BigDecimal.ZERO)) : v;
    }

    /** The package's net total. */
    BigDecimal total() {
        return billed.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** This entry with a later part of the package added (the lines of a later batch, its claims). */
    public PackageBill plus(PackageBill later) {
        Map<ChargeType, BigDecimal> sum = new EnumMap<>(ChargeType.class);
        sum.putAll(billed);
        later.billed.forEach((t, v) -> sum.merge(t, v, BigDecimal::add));
        List<Credit> cr = new ArrayList<>(credits);
        cr.addAll(later.credits);
        List<Claim> cl = new ArrayList<>(claims);
        cl.addAll(later.claims);
        return new PackageBill(trackingNumber, account != null ? account : later.account, sum, cr, cl);
    }

    /** The same with these claims (a settlement's). */
    public PackageBill withClaims(List<Claim> settled) {
        return new PackageBill(trackingNumber, account, billed, credits, settled);
    }

    /** The billed amounts as stored: {@code TYPE=amount} pairs separated by spaces, in the types' order. */
    public String billedText() {
        StringBuilder b = new StringBuilder();
        billed.forEach((t, v) -> b.append(b.isEmpty() ? "" : " ").append(t.name()).append('=').append(v.toPlainString()));
        return b.toString();
    }

    /** Reads {@link #billedText}. */
    public static Map<ChargeType, BigDecimal> parseBilled(String text) {
        Map<ChargeType, BigDecimal> out = new EnumMap<>(ChargeType.class);
        if (text != null && !text.isBlank()) {
            for (String pair : text.trim().split(" ")) {
                int eq = pair.indexOf('=');
                out.put(ChargeType.valueOf(pair.substring(0, eq)), new BigDecimal(pair.substring(eq + 1)));
            }
        }
        return out;
    }
}
