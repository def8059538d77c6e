package org.shipaudit.model.lookup;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.shipaudit.model.Conversion;
import org.shipaudit.model.ExchangeRate;

/**
 * The reference rates usable on one day: per currency, the latest rate published on or before the day and at most
 * {@code maxAgeDays} older than it (a rate past that window, or dated after the day, is not used: the value is then
 * not converted and the rules say it could not be judged). Immutable; {@link #NONE} when no rate table is loaded.
 */
public final class ExchangeRates {

    /** Days a rate stays usable by default: the ECB publishes every TARGET working day, so a week spans holidays. */
    public static final int DEFAULT_MAX_AGE_DAYS = 7;

    public static final ExchangeRates NONE = new ExchangeRates(null, Map.of());

    private static final String EUR = "EUR";

    private final LocalDate day;
    private final Map<String, ExchangeRate> byCurrency;

    private ExchangeRates(LocalDate day, Map<String, ExchangeRate> byCurrency) {
        this.day = day;
        this.byCurrency = byCurrency;
    }

    /** The rates usable on {@code day} among {@code rates} (any order; several days per currency allowed). */
    public static ExchangeRates on(LocalDate day, int maxAgeDays, Collection<ExchangeRate> rates) {
        if (day == null || rates.isEmpty()) {
            return NONE;
        }
        LocalDate oldest = day.minusDays(maxAgeDays);
        Map<String, ExchangeRate> best = new HashMap<>();
        for (ExchangeRate r : rates) {
            if (r == null || r.currency() == null || r.perEur() == null || r.perEur().signum() <= 0
                    || r.rateDate() == null || r.rateDate().isAfter(day) || r.rateDate().isBefore(oldest)) {
                continue;
            }
            best.merge(r.currency(), r, (a, b) -> b.rateDate().isAfter(a.rateDate()) ? b : a);
        }
        return best.isEmpty() ? NONE : new ExchangeRates(day, Map.copyOf(best));
    }

    public boolean isEmpty() {
        return byCurrency.isEmpty();
    }

    /** The day these rates are for; null for {@link #NONE}. */
    public LocalDate getDay() {
        return day;
    }

    /**
     * {@code amount} in {@code from} converted to {@code to}, rounded to the cent; empty when either currency has no
     * usable rate. The same currency converts to itself at rate 1 with no rate date.
     */
    public Optional<Conversion> convert(BigDecimal amount, String from, String to) {
        if (amount == null || from == null || to == null) {
            return Optional.empty();
        }
        if (from.equals(to)) {
            return Optional.of(new Conversion(from, amount, to, amount, BigDecimal.ONE, null, null));
        }
        ExchangeRate f = EUR.equals(from) ? null : byCurrency.get(from);
        ExchangeRate t = EUR.equals(to) ? null : byCurrency.get(to);
        if (f == null && !EUR.equals(from) || t == null && !EUR.equals(to)) {
            return Optional.empty();
        }
        BigDecimal fromPerEur = f == null ? BigDecimal.ONE : f.perEur();
        BigDecimal toPerEur = t == null ? BigDecimal.ONE : t.perEur();
        BigDecimal converted = amount.multiply(toPerEur).divide(fromPerEur, MathContext.DECIMAL64)
                .setScale(2, RoundingMode.HALF_UP);
        BigDecimal rate = toPerEur.divide(fromPerEur, MathContext.DECIMAL64);
        LocalDate date = f == null ? t.rateDate() : t == null ? f.rateDate()
                : f.rateDate().isBefore(t.rateDate()) ? f.rateDate() : t.rateDate();
        String source = (f == null ? t : f).source();
        return Optional.of(new Conversion(from, amount, to, converted, rate, date, source));
    }
}
