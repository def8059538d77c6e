package org.shipaudit.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the highest rate a server sustains: rates grow by a factor until a step fails, then a few bisections between
 * the last step that held and the first that did not. A step holds when its p99 is within the threshold, nothing
 * failed, every request was answered, and the answers kept up with the rate (at least 97 % of it). A step that does
 * not hold is run once more before it counts as failed: on a shared machine one noisy neighbour's burst should not
 * end the search. When the starting rate already fails, the search goes down by halves (at most three times) instead.
 */
public final class MaxRateSearch {

    /** One step of the search at a fixed rate. */
    @FunctionalInterface
    public interface Step {
        RunResult run(double ratePerSecond) throws InterruptedException;
    }

    /** The steps in the order run, and the highest rate that held (0 when none did). */
    public record Outcome(double maxSustainablePerSecond, RunResult best, List<RunResult> steps) {
    }

    private final double p99LimitMs;
    private final double growth;
    private final int bisections;
    private final double ceiling;

    public MaxRateSearch(double p99LimitMs, double growth, int bisections, double ceiling) {
        if (growth <= 1) {
            throw new IllegalArgumentException("growth must be above 1, got " + growth);
        }
        this.p99LimitMs = p99LimitMs;
        this.growth = growth;
        this.bisections = bisections;
        this.ceiling = ceiling;
    }

    public boolean holds(RunResult r) {
        return r.p99Ms() <= p99LimitMs && r.errorCount() == 0
                && r.achievedPerSecond() >= 0.97 * r.targetPerSecond();
    }

    /** Why a step did not hold, for the report; empty when it held. */
    public String why(RunResult r) {
        List<String> reasons = new ArrayList<>();
        if (r.p99Ms() > p99LimitMs) {
            reasons.add(String.format("p99 %.1f ms > %.1f", r.p99Ms(), p99LimitMs));
        }
        if (r.errorCount() > 0) {
            reasons.add(r.errorCount() + " errors");
        }
        if (r.achievedPerSecond() < 0.97 * r.targetPerSecond()) {
            reasons.add(String.format("achieved %.0f/s", r.achievedPerSecond()));
        }
        return String.join(", ", reasons);
    }

    public Outcome search(double startPerSecond, Step step) throws InterruptedException {
        List<RunResult> steps = new ArrayList<>();
        RunResult best = null;
        double failed = -1;
        for (double rate = startPerSecond; rate <= ceiling; rate *= growth) {
            RunResult r = runTwiceIfFailing(step, Math.rint(rate), steps);
            if (!holds(r)) {
                failed = r.targetPerSecond();
                break;
            }
            best = r;
        }
        // Even the first rate failed: halve it, at most three times, so a slow or busy machine still gets a figure.
        for (double rate = startPerSecond / 2; best == null && rate >= startPerSecond / 8; rate /= 2) {
            RunResult r = runTwiceIfFailing(step, Math.rint(rate), steps);
            if (holds(r)) {
                best = r;
            } else {
                failed = r.targetPerSecond();
            }
        }
        if (best != null && failed > 0) {
            double low = best.targetPerSecond();
            double high = failed;
            for (int i = 0; i < bisections && high - low > Math.max(1, low * 0.02); i++) {
                RunResult r = runTwiceIfFailing(step, Math.rint((low + high) / 2), steps);
                if (holds(r)) {
                    best = r;
                    low = r.targetPerSecond();
                } else {
                    high = r.targetPerSecond();
                }
            }
        }
        return new Outcome(best == null ? 0 : best.targetPerSecond(), best, steps);
    }

    private RunResult runTwiceIfFailing(Step step, double rate, List<RunResult> steps) throws InterruptedException {
        RunResult r = step.run(rate);
        steps.add(r);
        if (!holds(r)) {
            r = step.run(rate);
            steps.add(r);
        }
        return r;
    }
}
