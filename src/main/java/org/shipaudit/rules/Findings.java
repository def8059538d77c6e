package org.shipaudit.rules;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kie.api.runtime.rule.RuleContext;
import org.shipaudit.findings.Category;
import org.shipaudit.findings.ClaimEvidence;
import org.shipaudit.findings.Finding;
import org.shipaudit.findings.Severity;
import org.shipaudit.model.ChargeLine;
import org.shipaudit.model.Chargeback;
import org.shipaudit.model.api.Money;
import org.shipaudit.model.SurchargeRate;
import org.shipaudit.model.UploadRow;

/**
 * The one way rules report a finding. The rule id comes from the rule's name, so it is written once; the finding is
 * inserted logically, so that if the facts that justified it go away (another rule's derivation changes) it goes too
 * and no rule depends on firing order. Use from a consequence:
 * <pre>
 * Findings.raise(drools, Severity.WARN, Category.WEIGHT, $p.getSubject(), "message")
 *         .evidence("weightLb", $w).suggestion("...").insert();
 * </pre>
 */
public final class Findings {

    private Findings() {
    }

    public static Builder raise(RuleContext drools, Severity severity, Category category, String subject,
                                String message) {
        return new Builder(drools, severity, category, subject, null, message);
    }

    /**
     * A finding about a row of an uploaded sheet ({@code $c.subject()} of a charge line or chargeback): the finding
     * carries the row typed, and its subject names it.
     */
    public static Builder raise(RuleContext drools, Severity severity, Category category, UploadRow row,
                                String message) {
        return new Builder(drools, severity, category, row.subject(), row, message);
    }

    /** A number as people write it: no trailing zeros, at most two decimals. */
    public static String num(Number n) {
        if (n == null) {
            return "";
        }
        if (!(n instanceof BigDecimal) && !Double.isFinite(n.doubleValue())) {
            // The contract bounds every input, but a rule's own arithmetic may still overflow: say so, never throw.
            return String.valueOf(n.doubleValue());
        }
        BigDecimal d = n instanceof BigDecimal b ? b : BigDecimal.valueOf(n.doubleValue());
        d = d.setScale(Math.min(2, Math.max(0, d.scale())), java.math.RoundingMode.HALF_UP).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    /** The quotes around a table row's {@code @source} value; compiled once, as every finding of a table row reads it. */
    private static final java.util.regex.Pattern QUOTES = java.util.regex.Pattern.compile("^\"|\"$");

    /** Builds one finding; {@link #insert()} hands it to the session. */
    public static final class Builder {
        private final RuleContext drools;
        private final Severity severity;
        private final Category category;
        private final String subject;
        private final UploadRow row;
        private final String message;
        private final Map<String, String> evidence = new LinkedHashMap<>();
        private Money amount;
        private String suggestion;

        private Builder(RuleContext drools, Severity severity, Category category, String subject, UploadRow row,
                        String message) {
            this.drools = drools;
            this.severity = severity;
            this.category = category;
            this.subject = subject;
            this.row = row;
            this.message = message;
        }

        /** Adds a fact; money (BigDecimal) keeps its scale ("41.10"), other numbers are written as people do. */
        public Builder evidence(String name, Object value) {
            evidence.put(name, value instanceof BigDecimal money ? money.toPlainString()
                    : value instanceof Number n ? num(n) : String.valueOf(value));
            return this;
        }

        public Builder amount(BigDecimal value, String currency) {
            this.amount = new Money(value, currency);
            return this;
        }

        /**
         * The evidence a disputable invoice charge carries, the keys the disputes file and the annotated workbook read:
         * tracking and invoice number, charge code, billed and expected amount, and the claim deadline (invoice date
         * plus the claim window; empty when the invoice has no date). The finding's amount is what can be claimed back.
         *
         * @param disputable      the part of the charge that can be claimed back (the whole charge, or an overcharge)
         * @param claimWindowDays days after the invoice date the carrier accepts a claim
         */
        public Builder disputing(ChargeLine charge, BigDecimal disputable, int claimWindowDays) {
            BigDecimal expected = charge.amount().subtract(disputable);
            evidence(ClaimEvidence.TRACKING_NUMBER, charge.trackingNumber());
            evidence(ClaimEvidence.INVOICE_NUMBER, charge.invoiceNumber());
            evidence(ClaimEvidence.CHARGE_CODE, charge.chargeCode());
            evidence(ClaimEvidence.BILLED_AMOUNT, charge.amount());
            evidence(ClaimEvidence.EXPECTED_AMOUNT, expected.setScale(Math.max(2, expected.scale()), java.math.RoundingMode.HALF_UP));
            evidence(ClaimEvidence.CLAIM_DEADLINE, charge.invoiceDate() == null ? ""
                    : charge.invoiceDate().plusDays(claimWindowDays).toString());
            return amount(disputable, charge.currency() == null ? "USD" : charge.currency());
        }

        /**
         * The evidence a retailer chargeback finding carries, the keys the disputes file and the annotated workbook
         * read: row, retailer, PO, chargeback code, billed and disputable amount (and the expected amount when part of
         * it is disputable), the claim deadline (empty when no window is known) and the notification date. The
         * finding's amount is the disputable part, set only when there is one, so a chargeback that can no longer be
         * disputed puts no money at stake.
         *
         * @param disputable what a dispute can win back: the whole chargeback, the part above the right fine, or zero
         * @param deadline   the last day to dispute; null when the retailer's window is not known
         */
        public Builder chargeback(Chargeback c, BigDecimal disputable, java.time.LocalDate deadline) {
            BigDecimal d = disputable == null ? BigDecimal.ZERO : disputable;
            evidence(ClaimEvidence.ROW, c.row());
            evidence(ClaimEvidence.RETAILER, c.retailer());
            evidence(ClaimEvidence.PO_NUMBER, c.poNumber() == null ? "" : c.poNumber());
            evidence(ClaimEvidence.CHARGE_CODE, c.code() == null ? "" : c.code());
            evidence(ClaimEvidence.BILLED_AMOUNT, c.amount());
            evidence(ClaimEvidence.DISPUTABLE_AMOUNT, d.setScale(Math.max(2, d.scale()), java.math.RoundingMode.HALF_UP));
            if (d.signum() > 0) {
                BigDecimal expected = c.amount().subtract(d);
                evidence(ClaimEvidence.EXPECTED_AMOUNT, expected.setScale(Math.max(2, expected.scale()),
                        java.math.RoundingMode.HALF_UP));
            }
            evidence(ClaimEvidence.CLAIM_DEADLINE, deadline == null ? "" : deadline.toString());
            evidence(ClaimEvidence.NOTIFICATION_DATE, c.notificationDate());
            if (c.reference() != null) {
                evidence(ClaimEvidence.REFERENCE, c.reference());
            }
            return d.signum() > 0 ? amount(d, c.currency()) : this;
        }

        /**
         * The expected amount of a predicted surcharge: the first {@link SurchargeRate} of {@code rates} (the rule
         * collects the one the carrier's table gives this package) becomes the finding's amount, with the table's
         * edition and row in evidence. Nothing when the list is empty: no table in force, or the amount needs what
         * the shipment does not say (its rating zone, a residential or commercial address).
         */
        public Builder expecting(java.util.List<?> rates) {
            for (Object o : rates) {
                if (o instanceof SurchargeRate r && r.amount() != null) {
                    return expecting(r);
                }
            }
            return this;
        }

        /** The predicted surcharge's expected amount, from one row of the carrier's accessorial table. */
        public Builder expecting(SurchargeRate rate) {
            evidence(ClaimEvidence.EXPECTED_AMOUNT, rate.amount());
            evidence("amountTable", rate.edition());
            evidence("amountRow", rate.tableRow());
            return amount(rate.amount(), rate.currency());
        }

        /**
         * A charge billed above what the carrier's table gives the right case (a delivery-area surcharge billed at a
         * higher tier than the ZIP code's): what lies above that amount is disputable ({@link #disputing}), never
         * more than the charge. Nothing when {@code rates} is empty (the table is not loaded): the finding then asks
         * for a rebill and claims nothing.
         */
        public Builder disputingAbove(ChargeLine charge, java.util.List<?> rates, int claimWindowDays) {
            for (Object o : rates) {
                if (o instanceof SurchargeRate r && r.amount() != null && charge.amount() != null) {
                    evidence("listedTierAmount", r.amount());
                    evidence("amountTable", r.edition());
                    evidence("amountRow", r.tableRow());
                    return disputing(charge, r.above(charge.amount()), claimWindowDays);
                }
            }
            return this;
        }

        public Builder suggestion(String text) {
            this.suggestion = text;
            return this;
        }

        public void insert() {
            String name = drools.getRule().getName();
            java.util.regex.Matcher m = RuleInfo.ID.matcher(name);
            if (!m.matches()) {
                throw new IllegalStateException("rule \"" + name + "\" raises a finding but is not named 'AAA-NNN ...'");
            }
            // A table row's @source names the row that fired, finer than the pack's citation for the rule's id.
            Object cited = drools.getRule().getMetaData().get(Finding.SOURCE);
            if (cited != null && !evidence.containsKey(Finding.SOURCE)) {
                String c = QUOTES.matcher(cited.toString().trim()).replaceAll("").trim();
                if (!c.isEmpty()) {
                    evidence.put(Finding.SOURCE, c);
                }
            }
            drools.insertLogical(new Finding(m.group(1), null, null, category, severity, message, subject, evidence,
                    amount, suggestion, row));
        }
    }
}
