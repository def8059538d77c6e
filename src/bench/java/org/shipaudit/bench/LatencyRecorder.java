package org.shipaudit.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Collects the outcome of the requests of one run. Only requests intended inside the measurement window count (the
 * warm-up ones are answered but not recorded); latency runs from the intended start to the answer. Throughput is
 * the answers that arrived inside the window, whichever request they belong to. Thread-safe: answers arrive on
 * event-loop threads.
 */
final class LatencyRecorder {

    /** Latencies above this are recorded as this; a request is timed out long before. */
    static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final long windowStart;
    private final long windowEnd;
    private final Recorder latencies = new Recorder(HIGHEST_NANOS, 3);
    private final LongAdder answered = new LongAdder();
    private final LongAdder answeredInWindow = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

    /** The window is {@code [windowStart, windowEnd)} in {@link System#nanoTime()} terms. */
    LatencyRecorder(long windowStart, long windowEnd) {
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
    }

    /** An answer (any status) or a failure arrived at {@code doneNanos} for the request intended at {@code intended}. */
    void record(long intendedNanos, long doneNanos, String errorOrNull) {
        if (doneNanos >= windowStart && doneNanos < windowEnd) {
            answeredInWindow.increment();
        }
        if (intendedNanos < windowStart || intendedNanos >= windowEnd) {
            return;
        }
        answered.increment();
        latencies.recordValue(Math.min(HIGHEST_NANOS, Math.max(0, doneNanos - intendedNanos)));
        if (errorOrNull != null) {
            errors.computeIfAbsent(errorOrNull, k -> new LongAdder()).increment();
        }
    }

    /** The figures so far; call once the run has drained. */
    Snapshot snapshot() {
        Map<String, Long> errorCounts = new TreeMap<>();
        errors.forEach((k, v) -> errorCounts.put(k, v.sum()));
        return new Snapshot(latencies.getIntervalHistogram(), answered.sum(), answeredInWindow.sum(), errorCounts);
    }

    record Snapshot(Histogram histogram, long answered, long answeredInWindow, Map<String, Long> errors) {

        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
