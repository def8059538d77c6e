package org.shipaudit.rules;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where evaluations that failed closed are reported: each is passed to the listeners (metrics) and logged, at most
 * once per pack and rule per minute, so a rule failing on every shipment cannot flood the log. Thread-safe.
 */
public final class PackFailures {

    private static final Logger LOG = LoggerFactory.getLogger(PackFailures.class);
    private static final long LOG_EVERY_NANOS = 60_000_000_000L;

    private final LongSupplier nanos;
    private final List<Consumer<PackFailure>> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public PackFailures() {
        this(System::nanoTime);
    }

    /** @param nanos a monotonic clock in nanoseconds (tests pass their own) */
    PackFailures(LongSupplier nanos) {
        this.nanos = nanos;
    }

    /** Told of every failure; must be fast and thread-safe. */
    public void onFailure(Consumer<PackFailure> listener) {
        listeners.add(listener);
    }

    /**
     * Reports one failure; answers whether it was logged (the first for its pack and rule in the last minute).
     *
     * @param what the words for what could not be judged, for the log ("shipment S-1", "invoice rows 2-1001")
     */
    public boolean record(PackFailure failure, String what) {
        listeners.forEach(l -> l.accept(failure));
        Window w = windows.computeIfAbsent(failure.pack() + "\u0000" + failure.ruleLabel(), k -> new Window());
        long now = nanos.getAsLong();
        long suppressed = w.take(now);
        if (suppressed < 0) {
            return false;
        }
        LOG.warn("{} (version {}{}); failing closed{}", failure.describe(what), failure.version(),
                failure.at() == null ? "" : ", at " + failure.at(),
                suppressed == 0 ? "" : "; " + suppressed + " more failures of this rule in the last minute");
        return true;
    }

    /** The log window of one rule: when it was last logged and how many failures were not logged since. */
    private static final class Window {
        private final AtomicLong loggedAt = new AtomicLong(Long.MIN_VALUE);
        private final AtomicLong suppressed = new AtomicLong();

        /** The count of failures suppressed since the last log line if this one is to be logged, else -1. */
        long take(long now) {
            long last = loggedAt.get();
            if (last != Long.MIN_VALUE && now - last < LOG_EVERY_NANOS) {
                suppressed.incrementAndGet();
                return -1;
            }
            if (!loggedAt.compareAndSet(last, now)) {
                suppressed.incrementAndGet();
                return -1;
            }
            return suppressed.getAndSet(0);
        }
    }
}
