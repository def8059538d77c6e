package org.shipaudit.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.UUID;
import org.shipaudit.jobs.JobRefused;
import org.shipaudit.json.InvalidInputException;
import org.shipaudit.json.Mappers;
import org.shipaudit.json.Violation;
import org.shipaudit.process.Fatal;
import org.shipaudit.rules.PackChangeRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error answer is made here, as application/problem+json. A failure we did not anticipate becomes a 500 whose
 * body carries only an error id; the exception is logged under that id and never echoed to the client.
 */
final class Problems {

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {
    }

    static void send(RoutingContext ctx, Problem p) {
        send(ctx.response(), p.about(instance(ctx.request())));
    }

    /**
     * The request's path as the problem's {@code instance}, or null when it cannot serve as one: absent, over 2,048
     * characters, or holding anything but printable ASCII (a request refused for its malformed path must not have
     * that path echoed back).
     */
    static String instance(io.vertx.core.http.HttpServerRequest request) {
        String path;
        try {
            path = request.path();
        } catch (RuntimeException e) {
            return null;
        }
        if (path == null || path.isEmpty() || path.length() > 2_048 || path.charAt(0) != '/') {
            return null;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return null;
            }
        }
        return path;
    }

    /** Sends {@code p} and closes the connection after it: the request's framing cannot be trusted to find the next. */
    static void sendAndClose(io.vertx.core.http.HttpServerRequest request, Problem p) {
        HttpServerResponse r = request.response();
        if (r.ended() || r.closed()) {
            request.connection().close();
            return;
        }
        r.putHeader("Connection", "close");
        write(r, p.about(instance(request))).onComplete(done -> request.connection().close());
    }

    /** The problem as the response, unless one was already sent or the client has gone. */
    static void send(HttpServerResponse r, Problem p) {
        write(r, p);
    }

    private static io.vertx.core.Future<Void> write(HttpServerResponse r, Problem p) {
        if (r.ended() || r.closed()) {
            return io.vertx.core.Future.succeededFuture();
        }
        byte[] body;
        try {
            body = Mappers.json().writeValueAsBytes(p);
        } catch (JsonProcessingException e) {
            body = ("{\"status\":" + p.status() + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        return r.setStatusCode(p.status()).putHeader("Content-Type", "application/problem+json").end(Buffer.buffer(body));
    }

    /** Maps a failure from a handler or worker to its answer. */
    static void fail(RoutingContext ctx, Throwable error) {
        if (error instanceof Overloaded o && !ctx.response().headWritten()) {
            ctx.response().putHeader("Retry-After", Integer.toString(o.retryAfterSeconds()));
        }
        send(ctx, toProblem(error));
    }

    static Problem toProblem(Throwable error) {
        if (error instanceof InvalidInputException e) {
            return Problem.invalid(e.getMessage(), e.violations());
        }
        if (error instanceof StreamConstraintsException e) {
            return Problem.invalid("the body exceeds a parsing limit", List.of(new Violation("", e.getOriginalMessage())));
        }
        if (error instanceof JsonParseException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            return Problem.invalid("the body is not valid JSON", List.of(new Violation("", e.getOriginalMessage() + where)));
        }
        if (error instanceof JsonProcessingException e) {
            return Problem.invalid("the body cannot be read", List.of(new Violation("", e.getOriginalMessage())));
        }
        if (error instanceof PackChangeRefused e) {
            return switch (e.reason()) {
                case INVALID -> Problem.refused(422, "invalid-rule-pack", "Rule pack refused", e.getMessage(), e.report());
                case BUSY -> Problem.refused(409, "rule-pack-busy", "Rule pack busy", e.getMessage(), null);
                case STALE -> Problem.refused(409, "stale-base-version", "Stale base version", e.getMessage(), null);
                case NOT_FOUND -> Problem.refused(404, "not-found", "Not found", e.getMessage(), null);
                case BAD_REQUEST -> Problem.refused(400, "invalid-request", "Invalid request", e.getMessage(), null);
                case CONFLICT -> Problem.refused(409, "rule-pack-conflict", "Rule pack conflict", e.getMessage(), null);
            };
        }
        if (error instanceof JobRefused e) {
            String slug = switch (e.status()) {
                case 404 -> "not-found";
                case 409 -> "conflict";
                case 413 -> "too-large";
                case 415 -> "unsupported-media-type";
                case 422 -> "unprocessable-file";
                default -> "invalid-request";
            };
            String title = switch (e.status()) {
                case 404 -> "Not found";
                case 409 -> "Conflict";
                default -> "Upload refused";
            };
            return Problem.of(e.status(), slug, title, e.getMessage());
        }
        String disk = diskFull(error);
        if (disk != null) {
            LOG.warn("refused for lack of storage: {}", disk);
            return Problem.of(507, "insufficient-storage", "Insufficient storage",
                    "the service's disk is full or read-only (" + disk + "); nothing of this request was stored; "
                            + "retry once an operator has freed space");
        }
        org.shipaudit.store.DatabaseUnavailable db = databaseUnavailable(error);
        if (db != null) {
            return Problem.of(503, "database-unavailable", "Database unavailable", db.getMessage());
        }
        if (org.shipaudit.store.Database.unreadable(error)) {
            // Met mid-request (H2 read a damaged record); the guard refuses the file for good if H2 cannot reopen it.
            LOG.error("the database could not read what it stored", error);
            return Problem.of(503, "database-unavailable", "Database unavailable", "the database could not read what"
                    + " it stored (the file may be damaged; the operator finds the details in the log), so the request"
                    + " did not complete; retry later");
        }
        if (error instanceof Overloaded) {
            return Problem.of(503, "overloaded", "Service overloaded",
                    "too much work queued; retry after the Retry-After seconds");
        }
        Fatal.haltIfFatal(error, "a request handler"); // an OutOfMemoryError that reached a future is not a 500
        String id = UUID.randomUUID().toString();
        LOG.error("unexpected failure, error id {}", id, error);
        return Problem.of(500, "internal", "Internal error", "unexpected failure; error id " + id).about("urn:uuid:" + id);
    }

    /** What the operating system said when a write failed for lack of space or a read-only file system, or null. */
    static String diskFull(Throwable error) {
        DiskFull cut = org.shipaudit.process.Causes.find(error, DiskFull.class);
        return cut != null ? cut.getMessage() : org.shipaudit.store.WriteHealth.diskFull(error);
    }

    /** The database refusing connections (it reopened empty or went missing after a failure), or null. */
    static org.shipaudit.store.DatabaseUnavailable databaseUnavailable(Throwable error) {
        return org.shipaudit.process.Causes.find(error, org.shipaudit.store.DatabaseUnavailable.class);
    }

    /** Fewer bytes reached the disk than were received: a full disk that the writer did not report. */
    static final class DiskFull extends java.io.IOException {
        DiskFull(String message) {
            super(message);
        }
    }

    /** Too much work queued: the caller should retry later rather than wait in an unbounded queue. */
    static final class Overloaded extends RuntimeException {
        private final int retryAfterSeconds;

        Overloaded(int retryAfterSeconds) {
            super("overloaded", null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        int retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
