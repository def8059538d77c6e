/**
 * The benchmark harness behind {@code shipaudit bench}: realistic shipment generation, an open-loop load generator
 * that measures latency from the intended send time (no coordinated omission), and the report.
 */
package org.shipaudit.bench;
