package org.shipaudit.http;

import io.vertx.core.WorkerExecutor;
import org.shipaudit.audit.ShipmentAuditor;
import org.shipaudit.auth.ApiKeys;
import org.shipaudit.config.AppConfig;
import org.shipaudit.rules.RulePackRegistry;

/** What the routes need, built once at start-up and shared by every event-loop verticle instance. */
record ServiceContext(AppConfig config, RulePackRegistry packs, ShipmentAuditor auditor, ApiKeys apiKeys,
                      AppMetrics metrics, WorkerExecutor auditPool) {
}
