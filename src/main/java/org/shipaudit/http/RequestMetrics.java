package org.shipaudit.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Request count and latency by route template, method and status ({@code shipaudit_http_requests_seconds}). Recorded
 * here because vertx-micrometer-metrics 5.0.x does not report HTTP server metrics on Vert.x core 5.1.
 */
final class RequestMetrics implements PlatformHandler {

    private final MeterRegistry registry;
    /**
     * Timers by label set. Building and registering a Timer on every request (a builder, a sorted tag list, a
     * registry lookup) showed as a tenth of the event loop's Java time under load; the label sets are few (routes x
     * methods x statuses), so each is built once.
     */
    private final Map<Labels, Timer> timers = new ConcurrentHashMap<>();

    private record Labels(String route, String method, int status) {
    }

    RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(RoutingContext ctx) {
        long start = System.nanoTime();
        ctx.addEndHandler(done -> {
            Route route = ctx.currentRoute();
            String path = route != null && route.getPath() != null ? route.getPath() : "unmatched";
            Labels labels = new Labels(path, ctx.request().method().name(), ctx.response().getStatusCode());
            Timer timer = timers.get(labels);
            if (timer == null) {
                timer = timers.computeIfAbsent(labels, this::register);
            }
            timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        });
        ctx.next();
    }

    private Timer register(Labels l) {
        return Timer.builder("shipaudit.http.requests")
                .description("HTTP requests by route, method and status")
                .tag("route", l.route())
                .tag("method", l.method())
                .tag("status", Integer.toString(l.status()))
                // Buckets come from AppMetrics' filter (LATENCY_BUCKETS), the same for every timer.
                .register(registry);
    }
}
