package org.shipaudit.cli;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.shipaudit.config.AppConfig;
import org.shipaudit.config.ConfigKey;
import org.shipaudit.config.ConfigLoader;
import org.shipaudit.config.UnknownEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** The options every command that reads configuration shares; flags are the last layer over file and environment. */
final class ConfigOptions {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigOptions.class);

    @Option(names = "--config", paramLabel = "FILE", description = "JSON or YAML configuration file")
    Path configFile;

    @Option(names = "--rules-dir", paramLabel = "DIR", description = "rule packs directory (rules.dir)")
    Path rulesDir;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "data directory (data.dir)")
    Path dataDir;

    AppConfig load(Map<ConfigKey, String> extraFlags) {
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        if (rulesDir != null) {
            flags.put(ConfigKey.RULES_DIR, rulesDir.toString());
        }
        if (dataDir != null) {
            flags.put(ConfigKey.DATA_DIR, dataDir.toString());
        }
        flags.putAll(extraFlags);
        Map<String, String> env = System.getenv();
        for (String warning : UnknownEnvironment.warnings(env)) {
            LOG.warn(warning);
        }
        return ConfigLoader.load(configFile, env, flags);
    }
}
