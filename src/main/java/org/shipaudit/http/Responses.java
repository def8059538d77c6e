package org.shipaudit.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/** Writes successful answers; a response the client already abandoned is left alone. */
final class Responses {

    private Responses() {
    }

    static void json(RoutingContext ctx, int status, Buffer body) {
        if (!ctx.response().ended() && !ctx.response().closed()) {
            ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body);
        }
    }
}
