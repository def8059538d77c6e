package org.shipaudit.reference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small least-recently-used cache of tariff search answers, keyed by schedule, limit and the lower-cased query.
 * Synchronised: look-ups take microseconds, far less than the ~0.4 ms search they save, so contention is no concern.
 */
final class SearchCache {

    private final Map<String, List<TariffLine>> entries;

    SearchCache(int capacity) {
        this.entries = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<TariffLine>> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized List<TariffLine> get(String key) {
        return entries.get(key);
    }

    synchronized void put(String key, List<TariffLine> answer) {
        entries.put(key, answer);
    }

    synchronized void clear() {
        entries.clear();
    }
}
