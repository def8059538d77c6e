package org.shipaudit.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.shipaudit.auth.Principal;
import org.shipaudit.jobs.FindingFilter;
import org.shipaudit.jobs.Job;
import org.shipaudit.jobs.JobRefused;
import org.shipaudit.jobs.JobReports;
import org.shipaudit.jobs.JobService;
import org.shipaudit.json.Mappers;

/**
 * POST /v1/jobs, the job read routes and the retry of a failed job. The upload is streamed by the body handler to the uploads directory, then
 * moved into the job store and committed on the jobs worker before 202 is sent: an acknowledged job is never lost.
 */
final class JobHandlers {

    private final JobService jobs;
    private final JobReports reports;
    private final Worker worker;
    private final ObjectMapper json = Mappers.json();

    JobHandlers(JobService jobs, JobReports reports, Worker worker) {
        this.jobs = jobs;
        this.reports = reports;
        this.worker = worker;
    }

    void submit(RoutingContext ctx) {
        List<FileUpload> files = ctx.fileUploads().stream().filter(f -> f.name().equals("file")).toList();
        if (files.size() != 1) {
            Problems.fail(ctx, new JobRefused(400, files.isEmpty()
                    ? "the multipart body needs one part named 'file' holding the .xlsx or .csv"
                    : "send one file per job, not " + files.size()));
            return;
        }
        FileUpload file = files.get(0);
        String kind = ctx.request().getFormAttribute("kind");
        String profile = ctx.request().getFormAttribute("profile");
        Principal who = ctx.get(Authenticator.PRINCIPAL);
        worker.submit(() -> {
                    java.nio.file.Path uploaded = java.nio.file.Path.of(file.uploadedFileName());
                    Uploads.requireWhole(uploaded, file.size(), file.fileName());
                    return jobs.submit(uploaded, file.fileName(), kind, profile, who.name());
                })
                .onSuccess(job -> {
                    try {
                        ctx.response().putHeader("Location", "/v1/jobs/" + job.id());
                        Responses.json(ctx, 202, Buffer.buffer(json.writeValueAsBytes(job)));
                    } catch (Exception e) {
                        Problems.fail(ctx, e);
                    }
                })
                .onFailure(e -> Problems.fail(ctx, e));
    }

    void get(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        worker.submit(() -> Buffer.buffer(json.writeValueAsBytes(find(id))))
                .onSuccess(b -> Responses.json(ctx, 200, b)).onFailure(e -> Problems.fail(ctx, e));
    }

    /** POST /v1/jobs/{id}/retry: queues a FAILED job again from its last checkpoint; 409 for any other status. */
    void retry(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Principal who = ctx.get(Authenticator.PRINCIPAL);
        worker.submit(() -> Buffer.buffer(json.writeValueAsBytes(jobs.retry(id, who.name()))))
                .onSuccess(b -> Responses.json(ctx, 202, b)).onFailure(e -> Problems.fail(ctx, e));
    }

    void list(RoutingContext ctx) {
        worker.submit(() -> Buffer.buffer(json.writeValueAsBytes(Map.of("jobs", jobs.recent(100)))))
                .onSuccess(b -> Responses.json(ctx, 200, b)).onFailure(e -> Problems.fail(ctx, e));
    }

    /** The annotated workbook (.xlsx), built on first request and then served from disk. */
    void report(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        worker.submit(() -> reports.report(jobs.withLocalUpload(find(id)))).onSuccess(path -> ctx.response()
                .putHeader("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .putHeader("Content-Disposition", "attachment; filename=\"" + id + "-report.xlsx\"")
                .sendFile(path.toString())).onFailure(e -> Problems.fail(ctx, e));
    }

    /** One CSV line per disputable charge, with its claim deadline. */
    void disputes(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        csv(ctx, id + "-disputes.csv", () -> {
            java.io.StringWriter out = new java.io.StringWriter();
            reports.disputesCsv(find(id), out);
            return out.toString();
        });
    }

    private void csv(RoutingContext ctx, String fileName, java.util.concurrent.Callable<String> body) {
        worker.submit(body).onSuccess(text -> ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
                .putHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"").end(text))
                .onFailure(e -> Problems.fail(ctx, e));
    }

    /**
     * {"findings": [...]} streamed from the database into one buffer, or CSV with {@code ?format=csv}; with any
     * paging, filter or sort parameter, one page served by the database (see {@link FindingPages}).
     */
    void findings(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if ("csv".equalsIgnoreCase(ctx.request().getParam("format"))) {
            csv(ctx, id + "-findings.csv", () -> {
                java.io.StringWriter out = new java.io.StringWriter();
                reports.findingsCsv(find(id), out);
                return out.toString();
            });
            return;
        }
        FindingFilter filter;
        try {
            filter = FindingPages.filter(ctx.queryParams());
        } catch (org.shipaudit.json.InvalidInputException e) {
            Problems.fail(ctx, e);
            return;
        }
        if (filter != null) {
            worker.submit(() -> {
                find(id);
                return Buffer.buffer(json.writeValueAsBytes(FindingPages.body(json, filter,
                        jobs.store().findingsPage(id, filter))));
            }).onSuccess(b -> Responses.json(ctx, 200, b)).onFailure(e -> Problems.fail(ctx, e));
            return;
        }
        worker.submit(() -> {
            find(id);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (JsonGenerator g = json.getFactory().createGenerator(out)) {
                g.writeStartObject();
                g.writeArrayFieldStart("findings");
                jobs.store().findings(id, f -> {
                    try {
                        json.writeValue(g, f.finding());
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                g.writeEndArray();
                g.writeEndObject();
            }
            return Buffer.buffer(out.toByteArray());
        }).onSuccess(b -> Responses.json(ctx, 200, b)).onFailure(e -> Problems.fail(ctx, e));
    }

    /** PUT /v1/mappings/{name}: saves a column mapping (JSON) for use as profile mapping:{name}. */
    void saveMapping(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        Buffer body = ctx.body().buffer();
        worker.submit(() -> Buffer.buffer(jobs.mappings().save(name, new java.io.ByteArrayInputStream(
                body == null ? new byte[0] : body.getBytes())).toJson()))
                .onSuccess(b -> Responses.json(ctx, 200, b)).onFailure(e -> Problems.fail(ctx, e));
    }

    void mapping(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        worker.submit(() -> Buffer.buffer(jobs.mappings().get(name)
                        .orElseThrow(() -> new JobRefused(404, "no saved column mapping '" + name + "'")).toJson()))
                .onSuccess(b -> Responses.json(ctx, 200, b)).onFailure(e -> Problems.fail(ctx, e));
    }

    void mappings(RoutingContext ctx) {
        worker.submit(() -> Buffer.buffer(json.writeValueAsBytes(Map.of("mappings", jobs.mappings().names()))))
                .onSuccess(b -> Responses.json(ctx, 200, b)).onFailure(e -> Problems.fail(ctx, e));
    }

    private Job find(String id) {
        return jobs.get(id).orElseThrow(() -> new JobRefused(404, "no job '" + id + "'"));
    }
}
