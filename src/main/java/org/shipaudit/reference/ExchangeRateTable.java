package org.shipaudit.reference;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.shipaudit.model.ExchangeRate;
import org.shipaudit.model.lookup.ExchangeRates;

/**
 * The imported euro reference rates, one entry per publication day, held in memory (the ECB's whole history since
 * 1999 is about 6,200 days of up to 40 rates, a few megabytes as text); reloaded with the index. A day's rates stay as
 * the text they were stored in until a look-up needs them, and the snapshot for a day is kept, since most audits ask
 * for the same few ship dates.
 */
final class ExchangeRateTable {

    static final ExchangeRateTable EMPTY = new ExchangeRateTable(Collections.emptyNavigableMap(), "");
    /** Snapshots kept; past it the cache is emptied, which bounds memory whatever the ship dates asked for. */
    private static final int CACHE_LIMIT = 4_096;

    private final NavigableMap<LocalDate, String> days;
    private final String source;
    private final Map<Long, ExchangeRates> snapshots = new ConcurrentHashMap<>();

    private ExchangeRateTable(NavigableMap<LocalDate, String> days, String source) {
        this.days = days;
        this.source = source;
    }

    /** The days stored in the index, with {@code source} as the publisher shown in findings. */
    static ExchangeRateTable read(IndexReader reader, String source) throws IOException {
        NavigableMap<LocalDate, String> days = new TreeMap<>();
        for (Payload p : ReferenceIndex.matching(new IndexSearcher(reader), Fields.KIND, Fields.KIND_FX_DAY,
                Integer.MAX_VALUE)) {
            days.put(LocalDate.parse(p.get("date")), p.get("rates"));
        }
        return days.isEmpty() ? EMPTY : new ExchangeRateTable(Collections.unmodifiableNavigableMap(days), source);
    }

    boolean isEmpty() {
        return days.isEmpty();
    }

    LocalDate firstDay() {
        return days.firstKey();
    }

    LocalDate lastDay() {
        return days.lastKey();
    }

    int dayCount() {
        return days.size();
    }

    /** Every currency quoted on some day, in order. */
    List<String> currencies() {
        TreeSet<String> all = new TreeSet<>();
        days.values().forEach(text -> all.addAll(decode(text).keySet()));
        return List.copyOf(all);
    }

    /** Per currency, the latest rate on or before {@code day} and at most {@code maxAgeDays} older. */
    ExchangeRates on(LocalDate day, int maxAgeDays) {
        if (days.isEmpty() || day == null) {
            return ExchangeRates.NONE;
        }
        long key = day.toEpochDay() * 1_000 + Math.min(maxAgeDays, 999);
        ExchangeRates cached = snapshots.get(key);
        if (cached != null) {
            return cached;
        }
        List<ExchangeRate> rates = new ArrayList<>();
        LocalDate oldest = day.minusDays(maxAgeDays);
        for (Map.Entry<LocalDate, String> e : days.headMap(day, true).descendingMap().entrySet()) {
            if (e.getKey().isBefore(oldest)) {
                break;
            }
            decode(e.getValue()).forEach((c, r) -> rates.add(new ExchangeRate(c, r, e.getKey(), source)));
        }
        ExchangeRates snapshot = ExchangeRates.on(day, maxAgeDays, rates);
        if (snapshots.size() >= CACHE_LIMIT) {
            snapshots.clear();
        }
        snapshots.put(key, snapshot);
        return snapshot;
    }

    /** "USD=1.0664 JPY=143.76": how one day's rates are stored. */
    static String encode(Map<String, BigDecimal> rates) {
        StringBuilder s = new StringBuilder(rates.size() * 14);
        rates.forEach((c, r) -> s.append(s.isEmpty() ? "" : " ").append(c).append('=').append(r.toPlainString()));
        return s.toString();
    }

    static Map<String, BigDecimal> decode(String text) {
        Map<String, BigDecimal> out = new TreeMap<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String pair : text.split(" ")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), new BigDecimal(pair.substring(eq + 1)));
        }
        return out;
    }
}
