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

    @Override
    public Future<?> start() {
        HttpServerOptions options = new HttpServerOptions()
                .setHost(services.config().httpHost())
                .setPort(port)
                .setIdleTimeout(120)
                .setMaxInitialLineLength(8192);
        return vertx.createHttpServer(options)
                .requestHandler(Routes.build(vertx, services))
                .listen()
                .onSuccess(s -> server = s);
    }

    int actualPort() {
        return server.actualPort();
    }
}
