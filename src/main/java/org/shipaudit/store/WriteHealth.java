package org.shipaudit.store;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * What the background writers lost and whether they are failing now: every dropped record is counted by what it was
 * and why, and {@link #problems()} says, while it lasts, that writes fail (disk full or another database error) or that
 * records were dropped recently. A record that is dropped quietly is an invoice check that silently finds nothing, so
 * {@code /health} and {@code /metrics} read this rather than the log.
 */
public final class WriteHealth {

    /** Why a record was not stored. */
    public enum DropReason {
        /** The queue in front of the writer was full: the database fell behind. */
        QUEUE_FULL,
        /** The write failed because the disk is full or read-only. */
        DISK_FULL,
        /** The write failed for another database reason. */
        DATABASE;

        /** The metrics label: lower case, dashes. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** How /health words it: the same words whether the writes are still failing or only their drops remain. */
        String words() {
            return this == DISK_FULL ? "disk full" : label();
        }
    }

    /** A count of records of one kind ({@code what}) dropped for one reason. */
    public record Drop(String what, DropReason reason, long count) {
    }

    /** The kind under which the database itself reports a refusal ({@link #refused}). */
    public static final String DATABASE = "database";

    /** How long after the last dropped record {@code /health} still reports it. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

    private static final List<String> DISK_FULL_PHRASES = List.of("no space left on device", "disk quota exceeded",
            "read-only file system", "there is not enough space on the disk", "file too large");

    private record Failing(DropReason reason, Instant since, String message) {
    }

    private final Clock clock;
    private final Duration window;
    private final Map<String, AtomicLong> dropped = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastDrop = new ConcurrentHashMap<>();
    private final Map<String, Failing> failing = new ConcurrentHashMap<>();
    private final List<Consumer<Drop>> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, String> refusals = new ConcurrentHashMap<>();

    public WriteHealth(Clock clock, Duration window) {
        this.clock = clock;
        this.window = window;
    }

    public WriteHealth() {
        this(Clock.systemUTC(), DEFAULT_WINDOW);
    }

    /** Counts {@code n} records of kind {@code what} that were not stored. */
    public void dropped(String what, DropReason reason, long n) {
        if (count(what, reason, n)) {
            lastDrop.put(what + "\u0000" + reason.name(), clock.instant());
        }
    }

    /** Adds to the totals /metrics reads (and their listeners); false when there is nothing to count. */
    private boolean count(String what, DropReason reason, long n) {
        if (n <= 0) {
            return false;
        }
        dropped.computeIfAbsent(what + "\u0000" + reason.name(), k -> new AtomicLong()).addAndGet(n);
        Drop drop = new Drop(what, reason, n);
        listeners.forEach(l -> l.accept(drop));
        return true;
    }

    /**
     * A write of {@code n} records of kind {@code what} failed and they are lost: counts them, marks the failure, then
     * reports the drop, in that order, so whoever sees /health degraded also sees the loss in /metrics, and the first
     * problem /health shows for it is the failure itself ("database writes failing", "disk full"), not a bare drop.
     */
    public DropReason batchLost(String what, Throwable error, long n) {
        DropReason reason = reasonOf(error);
        boolean counted = count(what, reason, n);
        writeFailed(what, error);
        if (counted) {
            lastDrop.put(what + "\u0000" + reason.name(), clock.instant());
        }
        return reason;
    }

    private static DropReason reasonOf(Throwable error) {
        return diskFull(error) != null ? DropReason.DISK_FULL : DropReason.DATABASE;
    }

    /** A write of {@code what} failed; returns why (disk full or database) for the records it loses. */
    public DropReason writeFailed(String what, Throwable error) {
        String disk = diskFull(error);
        DropReason reason = reasonOf(error);
        String message = disk != null ? disk : String.valueOf(error.getMessage());
        // Keep the first failure's time: "failing since" is what an operator needs.
        failing.compute(what, (k, old) -> old != null && old.reason() == reason
                ? new Failing(reason, old.since(), message) : new Failing(reason, clock.instant(), message));
        return reason;
    }

    /**
     * A write of {@code what} succeeded: the failure episode for it ends, and so do the reports of the records it lost
     * (their totals stay in the metrics). Drops for a full queue are still reported for the window, since the queue
     * can overflow while every write succeeds.
     */
    public void writeSucceeded(String what) {
        if (!failing.isEmpty() && failing.remove(what) != null) {
            lastDrop.remove(what + "\u0000" + DropReason.DISK_FULL.name());
            lastDrop.remove(what + "\u0000" + DropReason.DATABASE.name());
        }
    }

    /**
     * Calls {@code listener} for every drop from now on, after replaying the totals so far (so counters registered late
     * still start from the right value).
     */
    public void onDrop(Consumer<Drop> listener) {
        listeners.add(listener);
        dropped.forEach((key, n) -> {
            String[] parts = key.split("\u0000", 2);
            listener.accept(new Drop(parts[0], DropReason.valueOf(parts[1]), n.get()));
        });
    }

    /**
     * {@code what} refuses every write until a restart (the database reopened empty after a failure): reported by
     * {@link #problems()} for as long as the process lives, whatever writes succeed meanwhile.
     */
    public void refused(String what, String message) {
        refusals.put(what, message);
    }

    /** Records of kind {@code what} dropped for {@code reason} so far. */
    public long droppedTotal(String what, DropReason reason) {
        AtomicLong n = dropped.get(what + "\u0000" + reason.name());
        return n == null ? 0 : n.get();
    }

    /** What is wrong now, one sentence each; empty when every writer is healthy. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        refusals.forEach((what, message) -> problems.add("refused until a restart: " + what + ": " + message));
        failing.forEach((what, f) -> problems.add(f.reason() == DropReason.DISK_FULL
                ? "disk full: " + what + " records cannot be written since " + f.since() + " (" + f.message() + ")"
                : "database writes failing: " + what + " records cannot be written since " + f.since() + " ("
                        + f.message() + ")"));
        Instant cutoff = clock.instant().minus(window);
        lastDrop.forEach((key, at) -> {
            if (at.isAfter(cutoff)) {
                String[] parts = key.split("\u0000", 2);
                problems.add("records dropped: " + parts[0] + " records not stored ("
                        + DropReason.valueOf(parts[1]).words() + "), the last at " + at + ", "
                        + dropped.get(key).get() + " in total; reported for " + window.toMinutes()
                        + " minutes after the last");
            }
        });
        problems.sort(null);
        return problems;
    }

    /**
     * What the operating system said when a write failed for lack of space or a read-only file system, or null. The
     * message is all Java gives (no errno), and H2 wraps the I/O error in its own exceptions, so the messages of I/O
     * and SQL errors in the chain are read for the phrases Linux, macOS and Windows use.
     */
    public static String diskFull(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null && (t instanceof java.io.IOException || t instanceof SQLException
                    || t.getClass().getName().startsWith("org.h2."))) {
                String lower = m.toLowerCase(Locale.ROOT);
                for (String phrase : DISK_FULL_PHRASES) {
                    if (lower.contains(phrase)) {
                        return phrase;
                    }
                }
            }
        }
        return null;
    }
}
