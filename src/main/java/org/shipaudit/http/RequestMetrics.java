package org.shipaudit.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;

/**
 * Request count and latency by route template, method and status ({@code shipaudit_http_requests_seconds}). Recorded
 * here because vertx-micrometer-metrics 5.0.x does not report HTTP server metrics on Vert.x core 5.1.
 */
final class RequestMetrics implements PlatformHandler {

    private final MeterRegistry registry;

    RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(RoutingContext ctx) {
        long start = System.nanoTime();
        ctx.addEndHandler(done -> {
            Route route = ctx.currentRoute();
            String path = route != null && route.getPath() != null ? route.getPath() : "unmatched";
            Timer.builder("shipaudit.http.requests")
                    .description("HTTP requests by route, method and status")
                    .tag("route", path)
                    .tag("method", ctx.request().method().name())
                    .tag("status", Integer.toString(ctx.response().getStatusCode()))
                    .publishPercentileHistogram(false)
                    .register(registry)
                    .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        });
        ctx.next();
    }
}
