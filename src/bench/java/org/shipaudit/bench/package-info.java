/**
 * The benchmark harness behind {@code java -jar target/shipaudit-bench.jar bench}: realistic shipment generation, an
 * open-loop load generator that measures latency from the intended send time (no coordinated omission), and the
 * report. Its own source set (src/bench/java), never in the service jar.
 */
package org.shipaudit.bench;
