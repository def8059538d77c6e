package org.shipaudit.cli;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.shipaudit.auth.ApiKeys;
import org.shipaudit.config.AppConfig;
import org.shipaudit.config.ConfigKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Starts the HTTP service and keeps it running until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the HTTP service (pre-ship audits, invoice jobs, rule packs, reference look-ups).")
public final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--port", description = "HTTP port (http.port); 0 picks a free one")
    Integer port;

    @Override
    public Integer call() throws Exception {
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        if (port != null) {
            flags.put(ConfigKey.HTTP_PORT, port.toString());
        }
        AppConfig config = options.load(flags);
        if (!config.authEnabled() && !config.anonymousOnNetwork()) {
            LOG.warn("authentication is DISABLED (auth.enabled=false): every local caller may audit and change rules; "
                    + "listening on {} only. Turn it on for anything but a local trial: see src/site/markdown/operations.md, 'Authentication'.",
                    config.httpHost());
        } else if (config.authEnabled() && config.database().embedded()
                && ApiKeys.load(config.authKeysFile()).isEmpty()) {
            // (a shared database's keys are checked once it is open)
            LOG.warn("authentication is enabled but {} holds no keys: every request will get 401. "
                    + "Create one with: java -jar shipaudit.jar keys add --name NAME --role admin", config.authKeysFile());
        }
        ServiceAssembly service = ServiceAssembly.start(config);
        String versions = service.packs().registry().versions().entrySet().stream()
                .map(e -> e.getKey() + "@" + e.getValue()).collect(Collectors.joining(", "));
        LOG.info("ShipAudit listening on port {} with rule packs [{}]", service.port(), versions);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                service.close();
            } catch (Exception e) {
                LOG.warn("shutdown did not complete cleanly", e);
            }
        }, "shipaudit-shutdown"));
        return 0;
    }
}
