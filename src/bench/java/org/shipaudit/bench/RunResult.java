package org.shipaudit.bench;

import java.util.Map;

/**
 * The figures of one fixed-rate run. Latencies are in milliseconds from the intended start (coordinated omission
 * corrected); {@code serverCpuMsPerRequest} is null when the server's CPU could not be measured.
 *
 * @param answered            answers (any status) to requests intended inside the window
 * @param unanswered          requests intended inside the window still unanswered when the drain timed out
 * @param achievedPerSecond   answers that arrived inside the window, per second
 * @param maxSendLagMs        how far behind its schedule the load generator got; large means it, not the server,
 *                            was the bottleneck
 */
public record RunResult(
        String target,
        double targetPerSecond,
        double seconds,
        long sent,
        long answered,
        long unanswered,
        double achievedPerSecond,
        double p50Ms,
        double p90Ms,
        double p99Ms,
        double p999Ms,
        double maxMs,
        Map<String, Long> errors,
        double maxSendLagMs,
        Double serverCpuMsPerRequest,
        Double loadGeneratorCpuMsPerRequest) {

    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum() + unanswered;
    }
}
