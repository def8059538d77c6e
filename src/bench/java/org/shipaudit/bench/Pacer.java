package org.shipaudit.bench;

/**
 * Sends requests on an {@link OpenLoopSchedule}: it never waits for answers, and when it falls behind (a GC pause, a
 * busy core) it sends every overdue request at once, each still stamped with its intended time. It also records how
 * far behind the schedule it got, which tells a saturated load generator from a saturated server.
 */
final class Pacer {

    /** Starts request {@code index}; must not block. */
    interface Sender {
        void send(long index, long intendedNanos);
    }

    private final NanoClock clock;
    private final OpenLoopSchedule schedule;
    private long maxLagNanos;

    Pacer(NanoClock clock, OpenLoopSchedule schedule) {
        this.clock = clock;
        this.schedule = schedule;
    }

    /**
     * Sends every request whose intended time falls in {@code [start, start + duration)} and returns how many; returns
     * early (with what it sent) when the thread is interrupted.
     */
    long run(long startNanos, long durationNanos, Sender sender) {
        long total = schedule.dueBy(durationNanos - 1);
        long sent = 0;
        while (sent < total && !Thread.currentThread().isInterrupted()) {
            long now = clock.nanoTime();
            long due = Math.min(total, schedule.dueBy(now - startNanos));
            for (; sent < due; sent++) {
                long intended = startNanos + schedule.offsetNanos(sent);
                maxLagNanos = Math.max(maxLagNanos, clock.nanoTime() - intended);
                sender.send(sent, intended);
            }
            if (sent < total) {
                clock.sleepUntil(startNanos + schedule.offsetNanos(sent));
            }
        }
        return sent;
    }

    /** The furthest behind its intended time any request was sent. */
    long maxLagNanos() {
        return maxLagNanos;
    }
}
