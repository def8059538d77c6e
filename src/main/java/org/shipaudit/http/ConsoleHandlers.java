package org.shipaudit.http;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The web console (API.md "Console"): static files from the jar's {@code console/} folder, {@code /} answering the
 * page and {@code /console/...} its scripts and styles. Every answer carries a strict Content-Security-Policy (scripts
 * and styles from this origin only, nothing inline, no framing, calls only to this origin) and nosniff; the console
 * signs in with a bearer key kept in session storage, so no cookie is ever set and there is no CSRF surface.
 */
final class ConsoleHandlers {

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
            + " connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    private final StaticHandler assets = StaticHandler.create("console")
            .setDirectoryListing(false)
            .setCachingEnabled(true)
            // Unversioned file names: a short lifetime and revalidation (ETag, Last-Modified) instead of immutable.
            .setMaxAgeSeconds(300)
            .setDefaultContentEncoding("UTF-8")
            .setIncludeHidden(false);

    /** Security headers for every console answer, set before the file is sent. */
    void headers(RoutingContext ctx) {
        ctx.response()
                .putHeader("Content-Security-Policy", CSP)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Cross-Origin-Opener-Policy", "same-origin");
        ctx.next();
    }

    /** The page: always revalidated, so a new release's page (and the assets it names) is seen on the next load. */
    void page(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").putHeader("Cache-Control", "no-cache")
                .sendFile("console/index.html").onFailure(e -> Problems.fail(ctx, e));
    }

    /** Scripts, styles and images under /console/. */
    void asset(RoutingContext ctx) {
        // The static handler maps the route's remainder onto the folder: /console/app.js -> console/app.js.
        assets.handle(ctx);
    }
}
