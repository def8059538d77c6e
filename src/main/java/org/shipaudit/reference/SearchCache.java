package org.shipaudit.reference;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small least-recently-used cache of search answers: tariff searches keyed by schedule, limit and the lower-cased
 * query, classifications by schedule and request. Synchronised: look-ups take microseconds, far less than the
 * 0.4-4 ms search they save, so contention is no concern.
 */
final class SearchCache<K, V> {

    private final Map<K, V> entries;

    SearchCache(int capacity) {
        this.entries = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized V get(K key) {
        return entries.get(key);
    }

    synchronized void put(K key, V answer) {
        entries.put(key, answer);
    }
}
