package org.shipaudit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The open-loop schedule and the pacer on a fake clock: no sleeping, exact times. */
class OpenLoopScheduleTest {

    static final long MS = 1_000_000;

    /** A clock that only moves when told to, or when the pacer sleeps until a deadline. */
    static final class FakeClock implements NanoClock {
        long now;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepUntil(long deadline) {
            now = Math.max(now, deadline);
        }
    }

    record Sent(long index, long intended, long at) {
    }

    @Test
    void requestsAreSpacedEvenlyFromTheStart() {
        OpenLoopSchedule s = new OpenLoopSchedule(1000);
        assertEquals(0, s.offsetNanos(0));
        assertEquals(MS, s.offsetNanos(1));
        assertEquals(1500 * MS, s.offsetNanos(1500));
        assertEquals(0, s.dueBy(-1));
        assertEquals(1, s.dueBy(0), "the first request is due at once");
        assertEquals(1, s.dueBy(MS - 1));
        assertEquals(2, s.dueBy(MS));
        assertThrows(IllegalArgumentException.class, () -> new OpenLoopSchedule(0));
    }

    @Test
    void dueCountAgreesWithTheOffsetsAtAwkwardRates() {
        for (double rate : new double[] {3, 7, 999.9, 7777, 123_456}) {
            OpenLoopSchedule s = new OpenLoopSchedule(rate);
            for (long i = 0; i < 5000; i++) {
                long t = s.offsetNanos(i);
                assertEquals(i + 1, s.dueBy(t), "rate " + rate + ", request " + i + " is due at its own offset");
                if (t > 0 && s.offsetNanos(i - 1) < t) {
                    assertEquals(i, s.dueBy(t - 1), "rate " + rate + ", request " + i + " is not due before it");
                }
            }
        }
    }

    @Test
    void sendsEachRequestAtItsIntendedTimeWhenNothingStalls() {
        FakeClock clock = new FakeClock();
        clock.now = 5 * MS;
        List<Sent> sent = new ArrayList<>();
        Pacer pacer = new Pacer(clock, new OpenLoopSchedule(1000));
        long n = pacer.run(clock.now, 100 * MS, (i, intended) -> sent.add(new Sent(i, intended, clock.now)));
        assertEquals(100, n);
        for (Sent s : sent) {
            assertEquals(5 * MS + s.index() * MS, s.intended());
            assertEquals(s.intended(), s.at());
        }
        assertEquals(0, pacer.maxLagNanos());
    }

    @Test
    void aStallDelaysTheRequestsBehindItButNotTheirIntendedTimes() {
        FakeClock clock = new FakeClock();
        List<Sent> sent = new ArrayList<>();
        Pacer pacer = new Pacer(clock, new OpenLoopSchedule(1000));
        pacer.run(0, 50 * MS, (i, intended) -> {
            sent.add(new Sent(i, intended, clock.now));
            if (i == 10) {
                clock.now += 20 * MS; // the sender blocks for 20 ms, as a closed-loop client would
            }
        });
        assertEquals(50, sent.size(), "the overdue requests are sent as soon as the stall ends, none dropped");
        for (Sent s : sent) {
            assertEquals(s.index() * MS, s.intended(), "intended times do not move");
        }
        assertEquals(30 * MS, sent.get(11).at(), "request 11 goes out when the stall ends");
        assertEquals(30 * MS, sent.get(30).at(), "and so does every request that fell due during it");
        assertEquals(31 * MS, sent.get(31).at(), "then the schedule resumes");
        assertEquals(19 * MS, pacer.maxLagNanos());
    }

    @Test
    void latencyIsMeasuredFromTheIntendedTimeSoAStallIsChargedToEveryRequestItDelayed() {
        // A server that answers in 0.5 ms but freezes for 100 ms once, driven at 1,000/s for 1 s by a blocking
        // client. Measured from the actual send time only the request in flight during the freeze is slow (p99 well
        // under 1 ms); measured from the intended time so are the ~200 requests that queued behind it.
        FakeClock clock = new FakeClock();
        LatencyRecorder recorder = new LatencyRecorder(0, 1000 * MS);
        Histogram naive = new Histogram(LatencyRecorder.HIGHEST_NANOS, 3);
        Pacer pacer = new Pacer(clock, new OpenLoopSchedule(1000));
        pacer.run(0, 1000 * MS, (i, intended) -> {
            long sentAt = clock.now;
            clock.now += i == 500 ? 100 * MS : MS / 2; // a blocking client, the case that hides the freeze
            recorder.record(intended, clock.now, null);
            naive.recordValue(clock.now - sentAt);
        });
        Histogram corrected = recorder.snapshot().histogram();
        assertEquals(1000, corrected.getTotalCount());
        assertTrue(naive.getValueAtPercentile(99) < MS, "the naive p99 hides the freeze");
        assertTrue(corrected.getValueAtPercentile(99) > 90 * MS,
                "the corrected p99 shows it: " + corrected.getValueAtPercentile(99) / 1e6 + " ms");
        assertTrue(corrected.getValueAtPercentile(90) > 20 * MS, "and so does the p90: 1 in 5 requests waited");
    }

    @Test
    void onlyRequestsIntendedInsideTheWindowAreRecorded() {
        LatencyRecorder recorder = new LatencyRecorder(100 * MS, 200 * MS);
        recorder.record(50 * MS, 120 * MS, null);    // warm-up request answered in the window: throughput only
        recorder.record(150 * MS, 151 * MS, null);
        recorder.record(160 * MS, 161 * MS, "503");
        recorder.record(199 * MS, 230 * MS, "timeout"); // answered after the window: latency only
        LatencyRecorder.Snapshot s = recorder.snapshot();
        assertEquals(3, s.answered());
        assertEquals(3, s.answeredInWindow());
        assertEquals(java.util.Map.of("503", 1L, "timeout", 1L), s.errors());
        assertEquals(3, s.histogram().getTotalCount());
    }
}
