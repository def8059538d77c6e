package org.shipaudit.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;

/** One event-loop instance of the HTTP server; several are deployed, sharing the port. */
final class ApiVerticle extends VerticleBase {

    private final ServiceContext services;
    private final int port;
    private HttpServer server;

    ApiVerticle(ServiceContext services, int port) {
        this.services = services;
        this.port = port;
    }

    /** Longest request line (method, URI, version); past it 414. */
    static final int MAX_LINE = 8192;
    /** Largest header block; past it 431. */
    static final int MAX_HEADERS = 16384;

    @Override
    public Future<?> start() {
        HttpServerOptions options = new HttpServerOptions()
                .setHost(services.config().httpHost())
                .setPort(port)
                .setIdleTimeout(services.config().httpIdleTimeoutSeconds())
                .setMaxInitialLineLength(MAX_LINE)
                .setMaxHeaderSize(MAX_HEADERS);
        StallGuard stalls = new StallGuard(vertx, services.config().httpHeaderTimeoutSeconds(),
                services.config().httpBodyTimeoutSeconds(), services.metrics());
        return vertx.createHttpServer(options)
                .invalidRequestHandler(new InvalidRequests(services.metrics(), MAX_LINE, MAX_HEADERS))
                .connectionHandler(stalls::connected)
                .requestHandler(Routes.build(vertx, services, stalls))
                .listen()
                .onSuccess(s -> server = s);
    }

    int actualPort() {
        return server.actualPort();
    }
}
