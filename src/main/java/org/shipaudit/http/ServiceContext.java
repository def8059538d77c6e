package org.shipaudit.http;

import org.shipaudit.store.DecisionTrail;
import org.shipaudit.store.ShipmentRecorder;
import org.shipaudit.audit.ShipmentAuditor;
import org.shipaudit.auth.ApiKeys;
import org.shipaudit.config.AppConfig;
import org.shipaudit.jobs.JobService;
import org.shipaudit.reference.ReferenceIndex;
import org.shipaudit.rules.RulePackService;

/**
 * What the routes need, built once at start-up and shared by every event-loop verticle instance (so the bounds of the
 * workers hold for the whole service, not per event loop).
 */
record ServiceContext(AppConfig config, RulePackService packs, ReferenceIndex reference, ShipmentAuditor auditor,
                      ShipmentRecorder recorder, DecisionTrail trail, org.shipaudit.store.FindingsAnalytics analytics,
                      JobService jobs, ApiKeys apiKeys, AppMetrics metrics, Worker auditWorker,
                      Worker rulesWorker, Worker referenceWorker, Worker jobsWorker,
                      org.shipaudit.store.ClearanceStore clearances,
                      org.shipaudit.reference.screening.ScreeningThresholds thresholds,
                      org.shipaudit.cluster.ClusterStatus cluster) {
}
