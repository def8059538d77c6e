package org.shipaudit.cli;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.shipaudit.config.AppConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repeats, at start and every hour, that the service answers anyone on the network anonymously
 * ({@code auth.allow-anonymous=true} on a non-loopback {@code http.host}): a choice made once for a trial should not
 * be forgotten in a log read once.
 */
final class ExposureWarning implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExposureWarning.class);
    static final Duration EVERY = Duration.ofHours(1);

    private final ScheduledExecutorService timer;

    private ExposureWarning(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Starts warning when the configuration exposes anonymous access; otherwise does nothing. */
    static ExposureWarning start(AppConfig config) {
        return config.anonymousOnNetwork() ? start(message(config), EVERY, LOG::warn) : new ExposureWarning(null);
    }

    /** Warns now and then every {@code interval} through {@code sink}, on a daemon thread. */
    static ExposureWarning start(String message, Duration interval, Consumer<String> sink) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "exposure-warning");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(() -> sink.accept(message), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return new ExposureWarning(timer);
    }

    static String message(AppConfig config) {
        return "authentication is OFF and the service listens on " + config.httpHost() + " (auth.allow-anonymous="
                + "true): anyone who can reach this port may audit, read jobs and change rule packs. Turn on "
                + "auth.enabled, or listen on 127.0.0.1.";
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
