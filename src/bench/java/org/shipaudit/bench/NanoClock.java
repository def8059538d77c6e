package org.shipaudit.bench;

import java.util.concurrent.locks.LockSupport;

/** The pacer's time source; a test substitutes a fake one to check the scheduling without waiting. */
interface NanoClock {

    long nanoTime();

    /** Returns at or after {@code deadline} (in {@link #nanoTime()} terms), or early when interrupted. */
    void sleepUntil(long deadline);

    NanoClock SYSTEM = new NanoClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepUntil(long deadline) {
            long wait;
            while ((wait = deadline - System.nanoTime()) > 0 && !Thread.currentThread().isInterrupted()) {
                LockSupport.parkNanos(wait);
            }
        }
    };
}
