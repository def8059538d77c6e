package org.shipaudit.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;

/**
 * Refuses a transfer coding other than {@code chunked} with 501 and closes the connection (RFC 9112 6.1): the
 * decoder ignores {@code Transfer-Encoding: gzip}, so the body would be framed by a Content-Length the client did not
 * mean, or its bytes read as the next request (the request-smuggling shape).
 */
final class FramingCheck implements Handler<RoutingContext> {

    private final AppMetrics metrics;

    FramingCheck(AppMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void handle(RoutingContext ctx) {
        List<String> codings = ctx.request().headers().getAll("Transfer-Encoding");
        if (!codings.isEmpty() && !(codings.size() == 1
                && codings.get(0).trim().toLowerCase(Locale.ROOT).equals("chunked"))) {
            metrics.countAborted(AppMetrics.Abort.MALFORMED);
            Problems.sendAndClose(ctx.request(), Problem.of(501, "unsupported-transfer-coding",
                    "Transfer coding not implemented", "only Transfer-Encoding: chunked is supported, got '"
                            + String.join(", ", codings).replaceAll("\\p{Cntrl}", "?") + "'"));
            return;
        }
        ctx.next();
    }
}
