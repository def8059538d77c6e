package org.shipaudit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.shipaudit.config.AppConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options the offline audit commands share: where rules and data are, what to write, how quietly. */
final class OfflineAuditOptions {

    @Option(names = "--rules-dir", paramLabel = "DIR", description = "rule packs directory (rules.dir)")
    Path rulesDir;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "record the audit in this data directory (and, for invoices, check duplicates against "
                    + "earlier uploads); a temporary database otherwise")
    Path dataDir;

    @Option(names = "--config", paramLabel = "FILE", description = "JSON or YAML configuration file")
    Path configFile;

    @Option(names = "--out", paramLabel = "FILE",
            description = "write the annotated workbook (.xlsx: rows with findings, summary with chart, disputes)")
    Path report;

    @Option(names = "--disputes", paramLabel = "FILE",
            description = "write the disputes CSV: one line per claim, with its deadline")
    Path disputes;

    @Option(names = "--quiet", description = "no progress line")
    boolean quiet;

    /** The command this mixin is part of: where its output goes. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    AppConfig config() {
        ConfigOptions options = new ConfigOptions();
        options.configFile = configFile;
        options.rulesDir = rulesDir;
        options.dataDir = dataDir;
        return options.load(Map.of());
    }

    /** The service's database with --data-dir, else a temporary one for this run. */
    Path databaseDir(AppConfig config) throws IOException {
        return dataDir != null ? config.dataDir().resolve("db") : Files.createTempDirectory("shipaudit-cli");
    }
}
