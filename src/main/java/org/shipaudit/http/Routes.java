package org.shipaudit.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.PlatformHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.Locale;
import org.shipaudit.auth.Role;
import org.shipaudit.jobs.JobReports;

/**
 * The whole API as one table. Each route reads: media type, authenticate with the role, body size limit, handle. The
 * first two run before the body is read, so a refused request never costs an upload. Handlers validate and run their
 * work on worker pools.
 */
final class Routes {

    private Routes() {
    }

    static Router build(Vertx vertx, ServiceContext services, StallGuard stalls) {
        Router router = Router.router(vertx);
        Authenticator auth = new Authenticator(services.config().authEnabled(), services.apiKeys());
        BodyHandler body = BodyHandler.create(false).setBodyLimit(services.config().httpBodyLimit());
        BodyHandler upload = BodyHandler.create(services.config().dataDir().resolve("uploads").toString())
                .setBodyLimit(services.config().httpBodyLimit()).setDeleteUploadedFilesOnEnd(true);
        Worker auditWorker = services.auditWorker();
        Worker rulesWorker = services.rulesWorker();
        AuditHandlers audits = new AuditHandlers(services.auditor(), services.recorder(), services.trail(), auditWorker,
                services.config().httpMaxBatch(), services.metrics().auditTimer());
        DecisionTrailHandlers decisions = new DecisionTrailHandlers(services.trail().store(), services.jobsWorker());
        RulePackHandlers packs = new RulePackHandlers(services.packs(), rulesWorker, services.cluster());
        BodyHandler jobUpload = BodyHandler.create(services.config().dataDir().resolve("uploads").toString())
                .setBodyLimit(services.config().jobsMaxUpload()).setDeleteUploadedFilesOnEnd(true);
        JobHandlers jobs = new JobHandlers(services.jobs(),
                new JobReports(services.jobs().store(), services.jobs().mappings(), services.config().jobsMaxUpload()),
                services.jobsWorker());
        OpsHandlers ops = new OpsHandlers(services.packs().registry(), services.reference(), services.referenceWorker(),
                services.recorder().health(), services.cluster());
        ReferenceHandlers reference = new ReferenceHandlers(services.reference(), services.referenceWorker());
        ScreeningHandlers screening = new ScreeningHandlers(services.reference(), services.clearances(),
                services.thresholds(), services.referenceWorker());
        PrometheusMeterRegistry registry = services.metrics().registry();
        AnalyticsHandlers analytics = new AnalyticsHandlers(services.analytics(), services.jobsWorker());
        ConsoleHandlers console = new ConsoleHandlers();

        router.route().handler(new RequestMetrics(registry));
        router.route().handler(stalls.requests());
        router.route().handler(new FramingCheck(services.metrics())).handler(new UriCheck())
                .failureHandler(new ReadFailures(services.metrics()));
        //     method path                               media type      authenticate                    limit         handle
        router.post("/v1/audits/shipments").handler(JSON).handler(auth.require(Role.AUDITOR)).handler(body).handler(audits::single);
        router.post("/v1/audits/shipments/batch").handler(JSON).handler(auth.require(Role.AUDITOR)).handler(body).handler(audits::batch);
        router.get("/v1/audits").handler(auth.require(Role.AUDITOR)).handler(decisions::list);
        router.get("/v1/audits/:auditId").handler(auth.require(Role.AUDITOR)).handler(decisions::get);
        router.get("/v1/rule-packs").handler(auth.requireAnyRole()).handler(packs::list);
        router.get("/v1/rule-packs/:name").handler(auth.requireAnyRole()).handler(packs::details);
        router.get("/v1/rule-packs/:name/history").handler(auth.requireAnyRole()).handler(packs::history);
        router.get("/v1/rule-packs/:name/versions/:version").handler(auth.requireAnyRole()).handler(packs::version);
        router.get("/v1/rule-packs/:name/versions/:version/files/*").handler(auth.requireAnyRole()).handler(packs::versionFile);
        router.post("/v1/rule-packs/:name/validate").handler(MULTIPART).handler(auth.require(Role.RULE_AUTHOR)).handler(upload).handler(packs::validate);
        router.put("/v1/rule-packs/:name").handler(MULTIPART).handler(auth.require(Role.RULE_AUTHOR)).handler(upload).handler(packs::deploy);
        router.post("/v1/rule-packs/:name/rollback").handler(JSON).handler(auth.require(Role.RULE_AUTHOR)).handler(body).handler(packs::rollback);
        router.post("/v1/rule-packs/:name/reload").handler(auth.require(Role.RULE_AUTHOR)).handler(packs::reload);
        router.post("/v1/jobs").handler(MULTIPART).handler(auth.require(Role.FINANCE)).handler(jobUpload).handler(jobs::submit);
        router.get("/v1/jobs").handler(auth.require(Role.FINANCE)).handler(jobs::list);
        router.get("/v1/jobs/:id").handler(auth.require(Role.FINANCE)).handler(jobs::get);
        router.post("/v1/jobs/:id/retry").handler(auth.require(Role.FINANCE)).handler(jobs::retry);
        router.get("/v1/jobs/:id/findings").handler(auth.require(Role.FINANCE)).handler(jobs::findings);
        router.get("/v1/jobs/:id/report").handler(auth.require(Role.FINANCE)).handler(jobs::report);
        router.get("/v1/jobs/:id/disputes").handler(auth.require(Role.FINANCE)).handler(jobs::disputes);
        router.get("/v1/mappings").handler(auth.require(Role.FINANCE)).handler(jobs::mappings);
        router.get("/v1/mappings/:name").handler(auth.require(Role.FINANCE)).handler(jobs::mapping);
        router.put("/v1/mappings/:name").handler(JSON).handler(auth.require(Role.FINANCE)).handler(body).handler(jobs::saveMapping);
        router.get("/v1/reference/tariff/search").handler(auth.require(Role.AUDITOR)).handler(reference::searchTariff);
        router.get("/v1/reference/tariff/classify").handler(auth.require(Role.AUDITOR)).handler(reference::classifyTariff);
        router.get("/v1/reference/tariff/:code").handler(auth.require(Role.AUDITOR)).handler(reference::tariffLine);
        router.get("/v1/reference/hazmat/:unNumber").handler(auth.require(Role.AUDITOR)).handler(reference::hazmat);
        router.post("/v1/reference/addresses/validate").handler(JSON).handler(auth.require(Role.AUDITOR)).handler(body).handler(reference::validateAddress);
        router.get("/v1/screening/search").handler(auth.require(Role.AUDITOR)).handler(screening::search);
        router.post("/v1/screening/search").handler(JSON).handler(auth.require(Role.AUDITOR)).handler(body).handler(screening::searchMany);
        router.get("/v1/screening/clearances").handler(auth.require(Role.AUDITOR)).handler(screening::listClearances);
        router.post("/v1/screening/clearances").handler(JSON).handler(auth.require(Role.RULE_AUTHOR)).handler(body).handler(screening::addClearance);
        router.delete("/v1/screening/clearances/:id").handler(auth.require(Role.RULE_AUTHOR)).handler(screening::removeClearance);
        router.get("/v1/analytics/findings").handler(auth.requireAny(Role.FINANCE, Role.AUDITOR)).handler(analytics::findings);
        router.get("/v1/me").handler(auth.requireAnyRole()).handler(auth::whoAmI);
        router.get("/").handler(console::headers).handler(console::page);
        router.get("/console/*").handler(console::headers).handler(console::asset);
        router.get("/health").handler(ops::health);
        router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
        router.get("/openapi.yaml").handler(ops::openApi);

        router.errorHandler(400, ctx -> Problems.send(ctx, Problem.of(400, "bad-request", "Bad request",
                "the request could not be read" + (ctx.failure() != null && ctx.failure().getMessage() != null
                        ? ": " + ctx.failure().getMessage() : ""))));
        router.errorHandler(404, ctx -> Problems.send(ctx, Problem.of(404, "not-found", "Not found",
                "no such resource: " + ctx.request().path())));
        router.errorHandler(405, ctx -> Problems.send(ctx, Problem.of(405, "method-not-allowed", "Method not allowed",
                ctx.request().method() + " is not supported on " + ctx.request().path())));
        router.errorHandler(413, ctx -> Problems.send(ctx, Problem.of(413, "too-large", "Payload too large",
                ctx.request().path().startsWith("/v1/jobs")
                        ? "the upload exceeds " + services.config().jobsMaxUpload() + " bytes (jobs.max-upload); split it"
                        : "the body exceeds " + services.config().httpBodyLimit() + " bytes; send large volumes as a job")));
        router.errorHandler(500, ctx -> Problems.fail(ctx, ctx.failure() != null ? ctx.failure()
                : new IllegalStateException("route failed with status " + ctx.statusCode())));
        return router;
    }

    /** 415 unless the body is multipart/form-data: rule-pack candidates are files, one part per file. */
    private static final PlatformHandler MULTIPART = ctx -> {
        String type = ctx.request().getHeader("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            Problems.send(ctx, Problem.of(415, "unsupported-media-type", "Unsupported media type",
                    "send the candidate as multipart/form-data, one part per file named by its path in the pack"
                            + (type == null ? "" : ", not " + type)));
            return;
        }
        ctx.next();
    };

    /** 415 unless the body is declared as JSON (a missing Content-Type is tolerated, as curl users often omit it). */
    private static final PlatformHandler JSON = ctx -> {
        String type = ctx.request().getHeader("Content-Type");
        String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
        if (!t.isEmpty() && !t.startsWith("application/json") && !t.contains("+json")) {
            Problems.send(ctx, Problem.of(415, "unsupported-media-type", "Unsupported media type",
                    "send the body as application/json, not " + type));
            return;
        }
        ctx.next();
    };
}
