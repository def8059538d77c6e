package org.shipaudit.store;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One group of the analytics: its key (dimension wire name to value, null for unknown), how many findings, and the
 * money at stake in one currency (positive amounts only, as a job's disputable total counts them).
 */
public record AnalyticsGroup(Map<String, String> key, long findings, BigDecimal amount, String currency) {
}
