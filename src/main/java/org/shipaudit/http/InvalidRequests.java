package org.shipaudit.http;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers what the HTTP/1.1 decoder could not parse (a request line over the limit, oversized headers, two
 * Content-Length headers, a NUL in a header, a bad chunk size before the request was dispatched) as problem+json, then
 * closes the connection: its framing is lost, so nothing after it can be trusted to be the next request. Vert.x's
 * default sends a bare status with no body; these never reach the router.
 */
final class InvalidRequests implements Handler<HttpServerRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(InvalidRequests.class);

    private final AppMetrics metrics;
    private final int maxLine;
    private final int maxHeaders;

    InvalidRequests(AppMetrics metrics, int maxLine, int maxHeaders) {
        this.metrics = metrics;
        this.maxLine = maxLine;
        this.maxHeaders = maxHeaders;
    }

    @Override
    public void handle(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        metrics.countAborted(AppMetrics.Abort.MALFORMED);
        LOG.debug("malformed request from {}: {}", request.remoteAddress(), String.valueOf(cause));
        Problem p;
        if (cause instanceof TooLongHttpLineException) {
            p = Problem.of(414, "uri-too-long", "URI too long",
                    "the request line exceeds " + maxLine + " bytes; send long input in a body");
        } else if (cause instanceof TooLongHttpHeaderException) {
            p = Problem.of(431, "headers-too-large", "Request header fields too large",
                    "the request headers exceed " + maxHeaders + " bytes");
        } else {
            p = Problem.of(400, "malformed-request", "Bad request",
                    "the request is not valid HTTP/1.1" + describe(cause));
        }
        Problems.sendAndClose(request, p);
    }

    /** Netty's parse diagnostic ("Multiple Content-Length values found"), printable and short; never a stack. */
    static String describe(Throwable cause) {
        if (cause == null || cause.getMessage() == null) {
            return "";
        }
        String m = cause.getMessage().replaceAll("[\\p{Cntrl}]", "?");
        return ": " + (m.length() > 200 ? m.substring(0, 200) + "..." : m);
    }
}
