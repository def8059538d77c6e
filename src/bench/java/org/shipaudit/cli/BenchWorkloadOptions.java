package org.shipaudit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.shipaudit.audit.ShipmentAuditor;
import org.shipaudit.audit.ShipmentEnricher;
import org.shipaudit.bench.ClassifyCase;
import org.shipaudit.bench.OfficialData;
import org.shipaudit.config.AppConfig;
import org.shipaudit.config.ConfigKey;
import org.shipaudit.reference.ReferenceIndex;
import org.shipaudit.reference.screening.ScreeningThresholds;
import org.shipaudit.rules.EvaluationPolicy;
import org.shipaudit.rules.RulePackRegistry;
import org.shipaudit.screening.PartyScreening;
import picocli.CommandLine.Option;

/**
 * What the generated pre-ship shipments are made of, shared by {@code bench preship} and {@code bench rules} so that
 * both measure the same shipments: generator seed, planted-mistake share, ship date, real product titles and the
 * official reference files they are audited against.
 */
final class BenchWorkloadOptions {

    /** Where the official files are imported when no --data-dir is given, and reused while unchanged. */
    static final Path OFFICIAL_DATA_DIR = Path.of(System.getProperty("java.io.tmpdir"), "shipaudit-bench-official");

    @Option(names = "--seed", defaultValue = "42", description = "generator seed (default: 42)")
    long seed;

    @Option(names = "--mistake-rate", defaultValue = "0.05", description = "share with a planted mistake (default: 0.05)")
    double mistakeRate;

    @Option(names = "--ship-date", defaultValue = "2026-11-20", description = "ship date of the shipments")
    LocalDate shipDate;

    @Option(names = "--official", paramLabel = "DIR", defaultValue = "../shared/reference-data",
            description = {"official reference files, imported once into the data directory (--data-dir, default "
                    + "${java.io.tmpdir}/shipaudit-bench-official) and reused while they are unchanged; 'none', or a "
                    + "missing directory, uses the bundled sample (default: ${DEFAULT-VALUE})"})
    String official;

    @Option(names = "--titles", paramLabel = "FILE",
            defaultValue = "../shared/reference-data/classification/hscodecomp_dev_half.jsonl",
            description = "real product titles with their codes (HSCodeComp JSON lines or the HMRC parcel CSV) for the "
                    + "general merchandise items; 'none', or a missing file, keeps the catalogue's short descriptions "
                    + "(default: ${DEFAULT-VALUE})")
    String titles;

    /** The real titles, or none (said on {@code log}) when --titles is 'none' or missing. */
    List<ClassifyCase> titles(PrintWriter log) throws IOException {
        Path file = "none".equals(titles) ? null : Path.of(titles);
        if (file != null && Files.isRegularFile(file)) {
            List<ClassifyCase> cases = ClassifyCase.read(file);
            log.printf("item descriptions: %d real product titles from %s%n", cases.size(), file);
            return cases;
        }
        if (file != null) {
            log.printf("item descriptions: %s not found, the catalogue's short descriptions are used%n", file);
        }
        return List.of();
    }

    /**
     * The configuration of a benchmark that audits in its own thread (no service): the official files imported once
     * into the data directory (said on {@code log}), or the bundled sample.
     */
    AppConfig inProcessConfig(ConfigOptions options, PrintWriter log) throws IOException {
        java.util.Map<ConfigKey, String> flags = new java.util.EnumMap<>(ConfigKey.class);
        Path officialDir = officialDir();
        if (officialDir != null) {
            Path dataDir = options.dataDir != null ? options.dataDir : OFFICIAL_DATA_DIR;
            log.println("reference data: " + OfficialData.ensure(officialDir, dataDir, log));
            flags.put(ConfigKey.DATA_DIR, dataDir.toString());
        } else {
            log.println("reference data: the bundled sample");
        }
        return options.load(flags);
    }

    /** An auditor as the service builds it, over these packs and this index, screening included; told of nothing. */
    static ShipmentAuditor auditor(AppConfig config, RulePackRegistry packs, ReferenceIndex reference,
                                   EvaluationPolicy policy) {
        return new ShipmentAuditor(packs, java.time.Clock.systemUTC(), r -> { }, new ShipmentEnricher(reference,
                new PartyScreening(reference, null, ScreeningThresholds.DEFAULTS), config.exchangeRateMaxAgeDays()),
                policy);
    }

    /** The official files' directory, or null when --official is 'none' or not a directory. */
    Path officialDir() {
        Path dir = "none".equals(official) ? null : Path.of(official);
        return dir != null && Files.isDirectory(dir) ? dir : null;
    }
}
