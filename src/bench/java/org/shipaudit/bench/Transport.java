package org.shipaudit.bench;

/** Sends one HTTP request without blocking and reports its outcome once, from any thread. */
public interface Transport extends AutoCloseable {

    /** Outcome of one request: an HTTP status, or a failure (connection refused, reset, timeout) named by a word. */
    interface Callback {
        void completed(int status);

        void failed(String kind);
    }

    void send(Target target, long index, Callback callback);

    /** CPU time used so far by the threads the transport runs on, in nanoseconds; -1 when unknown. */
    long cpuNanos();

    @Override
    void close();
}
