package org.shipaudit.reference;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

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

    /**
     * The remembered answer, else {@code compute}'s, remembered. Computed outside the lock: two threads asking the
     * same new key at once may both compute it (the answers are equal); none waits on the other's search.
     */
    V answer(K key, Supplier<V> compute) {
        V cached = get(key);
        if (cached == null) {
            cached = compute.get();
            put(key, cached);
        }
        return cached;
    }
}
