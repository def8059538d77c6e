package org.shipaudit.http;

import io.vertx.core.VertxException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The failure handler in front of the status handlers, for failures raised while a body is read. Vert.x Web's
 * BodyHandler fails a request whose body breaks off with status 200 (which would go out as {@code 200 OK} with the
 * body {@code OK}); a malformed chunk becomes a 400 problem here and the connection is closed, and a client that went
 * away is counted and logged at debug instead of as an error.
 */
final class ReadFailures implements PlatformHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ReadFailures.class);

    private final AppMetrics metrics;

    ReadFailures(AppMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (ctx.response().closed() || failure instanceof HttpClosedException
                || failure instanceof VertxException v && "Connection was closed".equals(v.getMessage())) {
            metrics.countAborted(AppMetrics.Abort.CLIENT_CLOSED);
            LOG.debug("{} {}: client went away: {}", ctx.request().method(), ctx.request().path(), String.valueOf(failure));
            return;
        }
        if (Problems.diskFull(failure) != null) {
            Problems.fail(ctx, failure); // an upload that could not be written: 507, not a malformed request
            return;
        }
        if (ctx.statusCode() < 400 && failure != null) {
            metrics.countAborted(AppMetrics.Abort.MALFORMED);
            LOG.debug("{} {}: body unreadable: {}", ctx.request().method(), ctx.request().path(), failure.toString());
            Problems.sendAndClose(ctx.request(), Problem.of(400, "malformed-request", "Bad request",
                    "the request body could not be read" + InvalidRequests.describe(failure)));
            return;
        }
        ctx.next();
    }
}
