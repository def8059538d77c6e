package org.shipaudit.bench;

/**
 * When each request of an open-loop run is meant to start: request {@code i} at {@code i / rate} seconds after the
 * start, whatever happened to the ones before. Latency is measured from this intended time, not from when the request
 * actually went out, so a stall (in the server, the network or the load generator itself) is charged to every request
 * it delayed: the correction for coordinated omission.
 */
final class OpenLoopSchedule {

    private final double ratePerSecond;

    OpenLoopSchedule(double ratePerSecond) {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("rate must be positive, got " + ratePerSecond);
        }
        this.ratePerSecond = ratePerSecond;
    }

    double ratePerSecond() {
        return ratePerSecond;
    }

    /** Intended start of request {@code index}, in nanoseconds after the schedule's start. */
    long offsetNanos(long index) {
        return (long) (index * 1e9 / ratePerSecond);
    }

    /** How many requests are due once {@code elapsedNanos} have passed: those whose offset is not after it. */
    long dueBy(long elapsedNanos) {
        if (elapsedNanos < 0) {
            return 0;
        }
        // The floating-point estimate can be one off either way; offsetNanos is the definition, so settle on it.
        long due = (long) Math.floor(elapsedNanos * ratePerSecond / 1e9) + 1;
        while (offsetNanos(due) <= elapsedNanos) {
            due++;
        }
        while (due > 0 && offsetNanos(due - 1) > elapsedNanos) {
            due--;
        }
        return due;
    }
}
