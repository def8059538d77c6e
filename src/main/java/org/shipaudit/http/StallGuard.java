package org.shipaudit.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes connections whose client stalls, which the idle timeout alone does not catch when a client trickles bytes:
 * the first request's headers must arrive within {@code http.header-timeout} of connecting (closed silently: there
 * is no request to answer; later requests on a kept-alive connection are bounded by the idle timeout), and a request body must make progress within every
 * {@code http.body-timeout} (answered 408, then closed). Aborted connections are counted and logged at debug: a client
 * that goes away is not a server error.
 *
 * <p>One instance per verticle: its state is touched only on that verticle's event loop.
 */
final class StallGuard {

    private static final Logger LOG = LoggerFactory.getLogger(StallGuard.class);

    private final Vertx vertx;
    private final long headerMs;
    private final long bodyMs;
    private final AppMetrics metrics;
    /** The header timer of each connection waiting for a request. */
    private final Map<HttpConnection, Long> waiting = new HashMap<>();

    StallGuard(Vertx vertx, int headerSeconds, int bodySeconds, AppMetrics metrics) {
        this.vertx = vertx;
        this.headerMs = headerSeconds * 1000L;
        this.bodyMs = bodySeconds * 1000L;
        this.metrics = metrics;
    }

    /** For {@code HttpServer.connectionHandler}: the client must now send headers. */
    void connected(HttpConnection conn) {
        awaitHeaders(conn);
        conn.closeHandler(v -> cancel(waiting.remove(conn)));
        conn.exceptionHandler(e -> {
            // Resets and broken pipes from clients that went away; Vert.x would log each at ERROR.
            metrics.countAborted(AppMetrics.Abort.CLIENT_CLOSED);
            LOG.debug("connection from {} failed: {}", conn.remoteAddress(), e.toString());
        });
    }

    /** First handler of every route: headers are in; watch the body until the response ends. */
    Handler<RoutingContext> requests() {
        return ctx -> {
            HttpConnection conn = ctx.request().connection();
            cancel(waiting.remove(conn));
            long body = ctx.request().isEnded() ? -1 : watchBody(ctx);
            // Between keep-alive requests only the idle timeout applies: closing a pooled connection after a short
            // pause makes clients race the close with their next request (seen as lost requests in PreshipBenchIT).
            ctx.addEndHandler(done -> cancel(body));
            ctx.next();
        };
    }

    private void awaitHeaders(HttpConnection conn) {
        long id = vertx.setTimer(headerMs, t -> {
            if (waiting.remove(conn) != null) {
                metrics.countAborted(AppMetrics.Abort.HEADER_TIMEOUT);
                LOG.debug("closing {}: no request headers within {} ms", conn.remoteAddress(), headerMs);
                conn.close();
            }
        });
        cancel(waiting.put(conn, id));
    }

    private long watchBody(RoutingContext ctx) {
        long[] seen = {ctx.request().bytesRead()};
        return vertx.setPeriodic(bodyMs, id -> {
            if (ctx.request().isEnded() || ctx.response().ended() || ctx.response().closed()) {
                vertx.cancelTimer(id);
                return;
            }
            long now = ctx.request().bytesRead();
            if (now == seen[0]) {
                vertx.cancelTimer(id);
                metrics.countAborted(AppMetrics.Abort.BODY_TIMEOUT);
                LOG.debug("closing {}: request body stalled at {} bytes for {} ms", ctx.request().remoteAddress(), now,
                        bodyMs);
                Problems.sendAndClose(ctx.request(), Problem.of(408, "request-timeout", "Request timeout",
                        "the request body made no progress for " + bodyMs / 1000 + " s (http.body-timeout) after "
                                + now + " bytes"));
            }
            seen[0] = now;
        });
    }

    private void cancel(Long timer) {
        if (timer != null && timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }
}
