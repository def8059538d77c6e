package org.shipaudit.reference;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Imports official reference files (or the bundled sample) into the reference index.
 *
 * <p>Files are recognised by content, never by name; a directory is walked. Each source is replaced as a whole in
 * one commit, so re-importing the same file changes nothing and a new edition replaces the old one; a file that
 * turns out malformed is rolled back and the previous edition stays. Companion files are matched within one call:
 * the HS sections CSV goes with the HS nomenclature, the EU CN chapters/headings/subheadings with the CN codes.
 * When two files carry the same source (hazmat JSONL and CSV), the richer one is imported and the other reported
 * as skipped. Holds the index's write lock while open: one importer at a time; readers are never blocked.
 */
public final class ReferenceImporter implements Closeable {
    private final Directory directory;
    private IndexWriter writer;
    /** The file being imported now, for {@link #progress()}; null between files. */
    private volatile ImportRun current;
    private volatile int filesDone;
    private volatile int filesTotal;

    /** How far an import is, read from another thread: the file being read and its rows so far. */
    public record Progress(String file, long rowsRead, int filesDone, int filesTotal) {
    }

    /** Where the running {@link #importPaths} is, or null before it has started a file. */
    public Progress progress() {
        ImportRun run = current;
        return run == null ? null : new Progress(run.file, run.read, filesDone, filesTotal);
    }

    private ReferenceImporter(Directory directory) throws IOException {
        this.directory = directory;
        this.writer = newWriter();
    }

    /** Opens (creating if needed) the index at {@code indexDir} for writing. */
    public static ReferenceImporter open(Path indexDir) throws IOException {
        Files.createDirectories(indexDir);
        return new ReferenceImporter(FSDirectory.open(indexDir));
    }

    /**
     * Start-up entry point of the service: imports the bundled sample from {@code bundledDir} when the index at
     * {@code indexDir} holds no documents yet, and does nothing otherwise (an index with official data is never
     * overwritten by the sample). Returns the summaries, empty when nothing was imported.
     */
    public static List<ImportSummary> importBundledIfEmpty(Path indexDir, Path bundledDir) throws IOException {
        Files.createDirectories(indexDir);
        try (Directory dir = FSDirectory.open(indexDir)) {
            if (DirectoryReader.indexExists(dir)) {
                try (DirectoryReader r = DirectoryReader.open(dir)) {
                    if (r.numDocs() > 0) {
                        return List.of();
                    }
                }
            }
        }
        try (ReferenceImporter importer = open(indexDir)) {
            return importer.importPaths(List.of(bundledDir), true);
        }
    }

    /** Imports files and directories of official data; see {@link #importPaths(List, boolean)}. */
    public List<ImportSummary> importPaths(List<Path> paths) throws IOException {
        return importPaths(paths, false);
    }

    /**
     * Imports the given files, walking directories; {@code bundled} marks the sources as the bundled sample in
     * {@link Coverage}. One summary per file, in import order; failed files carry their error, the rest go on.
     */
    public List<ImportSummary> importPaths(List<Path> paths, boolean bundled) throws IOException {
        Map<ReferenceFormat, List<Path>> byFormat = new EnumMap<>(ReferenceFormat.class);
        List<ImportSummary> out = new ArrayList<>();
        List<Path> files = expand(paths);
        for (Path p : files) {
            ReferenceFormat f = FormatDetector.detect(p);
            byFormat.computeIfAbsent(f, k -> new ArrayList<>()).add(p);
        }
        filesTotal = files.size();
        filesDone = 0;
        for (Path p : byFormat.getOrDefault(ReferenceFormat.HS_NOMENCLATURE, List.of())) {
            Path sections = first(byFormat, ReferenceFormat.HS_SECTIONS);
            out.add(run(p, ReferenceFormat.HS_NOMENCLATURE, bundled,
                    r -> HsImporter.run(r, p, sections, edition(p, bundled, "HS 2022"))));
        }
        companionOnly(out, byFormat, ReferenceFormat.HS_SECTIONS, ReferenceFormat.HS_NOMENCLATURE,
                "read with the HS nomenclature CSV (section names)");
        for (Path p : byFormat.getOrDefault(ReferenceFormat.HTSUS_CSV, List.of())) {
            Map<String, String> chapters = hsChapters();
            out.add(run(p, ReferenceFormat.HTSUS_CSV, bundled,
                    r -> HtsusImporter.run(r, p, edition(p, bundled, null), chapters)));
        }
        for (Path p : byFormat.getOrDefault(ReferenceFormat.EU_CN_CODES, List.of())) {
            Path sub = companion(byFormat, ReferenceFormat.EU_CN_SUBHEADINGS, p);
            Path head = companion(byFormat, ReferenceFormat.EU_CN_HEADINGS, p);
            Path chap = companion(byFormat, ReferenceFormat.EU_CN_CHAPTERS, p);
            out.add(run(p, ReferenceFormat.EU_CN_CODES, bundled,
                    r -> EuCnImporter.run(r, p, sub, head, chap, edition(p, bundled, null))));
        }
        for (ReferenceFormat f : List.of(ReferenceFormat.EU_CN_SUBHEADINGS, ReferenceFormat.EU_CN_HEADINGS,
                ReferenceFormat.EU_CN_CHAPTERS, ReferenceFormat.EU_CN_SECTIONS)) {
            companionOnly(out, byFormat, f, ReferenceFormat.EU_CN_CODES, f == ReferenceFormat.EU_CN_SECTIONS
                    ? "not needed: CN line paths run from the chapter down" : "read with the EU CN codes JSON (parent names)");
        }
        preferred(out, byFormat, ReferenceFormat.HAZMAT_JSONL, ReferenceFormat.HAZMAT_CSV, bundled,
                (r, p) -> HazmatImporter.runJsonl(r, p, edition(p, bundled, null)),
                (r, p) -> HazmatImporter.runCsv(r, p, edition(p, bundled, null)));
        preferred(out, byFormat, ReferenceFormat.COUNTRIES_CSV, ReferenceFormat.ISO_3166_1_JSON, bundled,
                (r, p) -> IsoImporter.countriesCsv(r, p, edition(p, bundled, null)),
                (r, p) -> IsoImporter.countriesJson(r, p, edition(p, bundled, null)));
        for (Path p : byFormat.getOrDefault(ReferenceFormat.ISO_3166_2_JSON, List.of())) {
            out.add(run(p, ReferenceFormat.ISO_3166_2_JSON, bundled,
                    r -> IsoImporter.subdivisionsJson(r, p, edition(p, bundled, null))));
        }
        preferred(out, byFormat, ReferenceFormat.CURRENCIES_CSV, ReferenceFormat.ISO_4217_JSON, bundled,
                (r, p) -> IsoImporter.currenciesCsv(r, p, edition(p, bundled, null)),
                (r, p) -> IsoImporter.currenciesJson(r, p, edition(p, bundled, null)));
        for (Path p : byFormat.getOrDefault(ReferenceFormat.GEONAMES_POSTAL, List.of())) {
            out.add(run(p, ReferenceFormat.GEONAMES_POSTAL, bundled,
                    r -> PostalImporter.run(r, p, edition(p, bundled, null))));
        }
        for (Path p : byFormat.getOrDefault(ReferenceFormat.DELIVERY_AREA_CSV, List.of())) {
            out.add(run(p, ReferenceFormat.DELIVERY_AREA_CSV, bundled,
                    r -> CarrierTableImporter.deliveryAreas(r, p, edition(p, bundled, null))));
        }
        for (Path p : byFormat.getOrDefault(ReferenceFormat.FUEL_CSV, List.of())) {
            out.add(run(p, ReferenceFormat.FUEL_CSV, bundled,
                    r -> CarrierTableImporter.fuel(r, p, edition(p, bundled, null))));
        }
        for (Path p : byFormat.getOrDefault(ReferenceFormat.RATE_SHEET_CSV, List.of())) {
            out.add(run(p, ReferenceFormat.RATE_SHEET_CSV, bundled,
                    r -> CarrierTableImporter.rates(r, p, edition(p, bundled, null))));
        }
        for (Path p : byFormat.getOrDefault(ReferenceFormat.CONTRACT_DISCOUNTS_CSV, List.of())) {
            out.add(run(p, ReferenceFormat.CONTRACT_DISCOUNTS_CSV, bundled,
                    r -> ContractDiscounts.importFile(r, p, edition(p, bundled, null))));
        }
        for (Path p : byFormat.getOrDefault(ReferenceFormat.UPS_DAILY_RATES_CSV, List.of())) {
            out.add(run(p, ReferenceFormat.UPS_DAILY_RATES_CSV, bundled,
                    r -> PublishedRates.upsDaily(r, p, edition(p, bundled, null))));
        }
        for (Path p : byFormat.getOrDefault(ReferenceFormat.FEDEX_LIST_RATES_CSV, List.of())) {
            out.add(run(p, ReferenceFormat.FEDEX_LIST_RATES_CSV, bundled,
                    r -> PublishedRates.fedexList(r, p, edition(p, bundled, null))));
        }
        for (Path p : byFormat.getOrDefault(ReferenceFormat.FEDEX_DAS_CSV, List.of())) {
            out.add(run(p, ReferenceFormat.FEDEX_DAS_CSV, bundled, r -> PublishedCarrierTables.deliveryAreas(r, p,
                    edition(p, bundled, null), "FEDEX", ReferenceFormat.FEDEX_DAS_CSV)));
        }
        for (Path p : byFormat.getOrDefault(ReferenceFormat.UPS_DAS_CSV, List.of())) {
            out.add(run(p, ReferenceFormat.UPS_DAS_CSV, bundled, r -> PublishedCarrierTables.deliveryAreas(r, p,
                    edition(p, bundled, null), "UPS", ReferenceFormat.UPS_DAS_CSV)));
        }
        for (Path p : byFormat.getOrDefault(ReferenceFormat.FEDEX_DAS_XLSX, List.of())) {
            out.add(run(p, ReferenceFormat.FEDEX_DAS_XLSX, bundled, r -> CarrierWorkbooks.deliveryAreas(r, p,
                    edition(p, bundled, null), "FEDEX", CarrierWorkbooks.FEDEX_TIERS, ReferenceFormat.FEDEX_DAS_XLSX)));
        }
        for (Path p : byFormat.getOrDefault(ReferenceFormat.UPS_DAS_XLSX, List.of())) {
            out.add(run(p, ReferenceFormat.UPS_DAS_XLSX, bundled, r -> CarrierWorkbooks.deliveryAreas(r, p,
                    edition(p, bundled, null), "UPS", CarrierWorkbooks.UPS_TIERS, ReferenceFormat.UPS_DAS_XLSX)));
        }
        for (Path p : byFormat.getOrDefault(ReferenceFormat.FEDEX_FUEL_WEEKLY_CSV, List.of())) {
            out.add(run(p, ReferenceFormat.FEDEX_FUEL_WEEKLY_CSV, bundled,
                    r -> PublishedCarrierTables.fedexFuel(r, p, edition(p, bundled, null))));
        }
        for (Path p : byFormat.getOrDefault(ReferenceFormat.UPS_FUEL_WEEKLY_CSV, List.of())) {
            out.add(run(p, ReferenceFormat.UPS_FUEL_WEEKLY_CSV, bundled,
                    r -> PublishedCarrierTables.upsFuel(r, p, edition(p, bundled, null))));
        }
        for (Path p : byFormat.getOrDefault(ReferenceFormat.CARRIER_ACCESSORIALS_JSON, List.of())) {
            out.add(run(p, ReferenceFormat.CARRIER_ACCESSORIALS_JSON, bundled,
                    r -> AccessorialTableImporter.run(r, p, edition(p, bundled, null))));
        }
        for (Path p : byFormat.getOrDefault(ReferenceFormat.FEDEX_SURCHARGE_CHANGES_PDF, List.of())) {
            out.add(run(p, ReferenceFormat.FEDEX_SURCHARGE_CHANGES_PDF, bundled,
                    r -> FedexSurchargeChanges.run(r, p, edition(p, bundled, null))));
        }
        for (Path p : byFormat.getOrDefault(ReferenceFormat.UPS_ZONE_CHART_CSV, List.of())) {
            out.add(run(p, ReferenceFormat.UPS_ZONE_CHART_CSV, bundled,
                    r -> ZoneChartImporter.ups(r, p, edition(p, bundled, null))));
        }
        for (Path p : byFormat.getOrDefault(ReferenceFormat.FEDEX_ZONE_RANGES_CSV, List.of())) {
            // Skipped, not an error: importing a directory that holds an undated chart (as the shared FedEx file
            // is) must not fail the whole import, and guessing its year would apply it to the wrong shipments.
            if (!ZoneChartImporter.dated(edition(p, bundled, p.getFileName().toString()))) {
                out.add(ignored(p, ReferenceFormat.FEDEX_ZONE_RANGES_CSV.label(), ZoneChartImporter.undated("FEDEX")));
                continue;
            }
            out.add(run(p, ReferenceFormat.FEDEX_ZONE_RANGES_CSV, bundled,
                    r -> ZoneChartImporter.fedex(r, p, edition(p, bundled, null))));
        }
        // Zones from one origin whose file does not say which: a chart keyed by a guessed origin would bill every
        // shipment from the real one at the wrong zone.
        for (Path p : byFormat.getOrDefault(ReferenceFormat.FEDEX_ZONE_LOCATOR_CSV, List.of())) {
            out.add(ignored(p, ReferenceFormat.FEDEX_ZONE_LOCATOR_CSV.label(), "not imported: a zone-locator export "
                    + "does not say its origin ZIP code; import FedEx's chart by origin and destination ranges"));
        }
        for (Path p : byFormat.getOrDefault(ReferenceFormat.USPS_ZONES_CSV, List.of())) {
            out.add(ignored(p, ReferenceFormat.USPS_ZONES_CSV.label(), "not imported: its columns name origins by "
                    + "city, not ZIP code, and no USPS check rates by zone"));
        }
        for (Path p : byFormat.getOrDefault(ReferenceFormat.UK_SEARCH_REFERENCES, List.of())) {
            out.add(run(p, ReferenceFormat.UK_SEARCH_REFERENCES, bundled,
                    r -> ClassificationTermsImporter.references(r, p, edition(p, bundled, null))));
        }
        for (Path p : byFormat.getOrDefault(ReferenceFormat.UK_INTERCEPT_MESSAGES, List.of())) {
            out.add(run(p, ReferenceFormat.UK_INTERCEPT_MESSAGES, bundled,
                    r -> ClassificationTermsImporter.guidance(r, p, edition(p, bundled, null))));
        }
        for (Path p : byFormat.getOrDefault(ReferenceFormat.UK_SEARCH_SYNONYMS, List.of())) {
            out.add(run(p, ReferenceFormat.UK_SEARCH_SYNONYMS, bundled,
                    r -> ClassificationTermsImporter.synonyms(r, p, edition(p, bundled, null))));
        }
        for (Path p : byFormat.getOrDefault(ReferenceFormat.UK_VAGUE_TERMS, List.of())) {
            out.add(run(p, ReferenceFormat.UK_VAGUE_TERMS, bundled,
                    r -> ClassificationTermsImporter.vagueTerms(r, p, edition(p, bundled, null))));
        }
        for (Path p : byFormat.getOrDefault(ReferenceFormat.HTSUS_CHAPTER_NOTES, List.of())) {
            out.add(run(p, ReferenceFormat.HTSUS_CHAPTER_NOTES, bundled,
                    r -> ClassificationTermsImporter.chapterNotes(r, p, edition(p, bundled, null))));
        }
        for (Path p : byFormat.getOrDefault(ReferenceFormat.OFAC_SDN_CSV, List.of())) {
            Path add = companion(byFormat, ReferenceFormat.OFAC_ADD_CSV, p);
            Path alt = companion(byFormat, ReferenceFormat.OFAC_ALT_CSV, p);
            out.add(run(p, ReferenceFormat.OFAC_SDN_CSV, bundled,
                    r -> OfacSdnImporter.run(r, p, add, alt, edition(p, bundled, null))));
        }
        companionOnly(out, byFormat, ReferenceFormat.OFAC_ADD_CSV, ReferenceFormat.OFAC_SDN_CSV,
                "read with the OFAC sdn.csv (addresses)");
        companionOnly(out, byFormat, ReferenceFormat.OFAC_ALT_CSV, ReferenceFormat.OFAC_SDN_CSV,
                "read with the OFAC sdn.csv (alternate names)");
        for (Path p : byFormat.getOrDefault(ReferenceFormat.UN_SC_XML, List.of())) {
            out.add(run(p, ReferenceFormat.UN_SC_XML, bundled,
                    r -> UnListImporter.run(r, p, edition(p, bundled, null))));
        }
        for (Path p : byFormat.getOrDefault(ReferenceFormat.BIS_DPL_TSV, List.of())) {
            out.add(run(p, ReferenceFormat.BIS_DPL_TSV, bundled,
                    r -> DplImporter.run(r, p, edition(p, bundled, null))));
        }
        for (Path p : byFormat.getOrDefault(ReferenceFormat.ECB_XML, List.of())) {
            out.add(run(p, ReferenceFormat.ECB_XML, bundled,
                    r -> ExchangeRateImporter.xml(r, p, edition(p, bundled, null))));
        }
        for (Path p : byFormat.getOrDefault(ReferenceFormat.ECB_CSV, List.of())) {
            out.add(run(p, ReferenceFormat.ECB_CSV, bundled,
                    r -> ExchangeRateImporter.csv(r, p, edition(p, bundled, null))));
        }
        for (Path p : byFormat.getOrDefault(ReferenceFormat.UNKNOWN, List.of())) {
            out.add(ignored(p, "unknown", "not a reference format ShipAudit imports"));
        }
        return out;
    }

    @FunctionalInterface
    private interface Job {
        ImportSummary run(ImportRun run) throws IOException;
    }

    @FunctionalInterface
    private interface FileJob {
        ImportSummary run(ImportRun run, Path file) throws IOException;
    }

    private ImportSummary run(Path file, ReferenceFormat format, boolean bundled, Job job) throws IOException {
        long start = System.nanoTime();
        ImportRun run = new ImportRun(writer, file.getFileName().toString(), bundled);
        current = run;
        try {
            ImportSummary s = job.run(run);
            writer.commit();
            return s;
        } catch (IOException | RuntimeException e) {
            // Roll the whole file back: the previous edition of the source stays searchable.
            writer.rollback();
            writer = newWriter();
            String why = e instanceof MalformedReferenceFileException ? e.getMessage()
                    : run.file + ", after " + run.read + " rows: " + e;
            return new ImportSummary(run.file, format.label(), null, null, run.read, 0, Map.of(),
                    Duration.ofNanos(System.nanoTime() - start), why);
        } finally {
            filesDone++; // only the importing thread writes it
        }
    }

    private void preferred(List<ImportSummary> out, Map<ReferenceFormat, List<Path>> byFormat, ReferenceFormat best,
                           ReferenceFormat other, boolean bundled, FileJob bestJob, FileJob otherJob)
            throws IOException {
        List<Path> bests = byFormat.getOrDefault(best, List.of());
        for (Path p : bests) {
            out.add(run(p, best, bundled, r -> bestJob.run(r, p)));
        }
        for (Path p : byFormat.getOrDefault(other, List.of())) {
            if (bests.isEmpty()) {
                out.add(run(p, other, bundled, r -> otherJob.run(r, p)));
            } else {
                out.add(ignored(p, other.label(), "same source as " + bests.get(0).getFileName()
                        + " (" + best.label() + " preferred)"));
            }
        }
    }

    private static void companionOnly(List<ImportSummary> out, Map<ReferenceFormat, List<Path>> byFormat,
                                      ReferenceFormat companion, ReferenceFormat main, String why) {
        for (Path p : byFormat.getOrDefault(companion, List.of())) {
            out.add(ignored(p, companion.label(), byFormat.containsKey(main) ? why
                    : "companion file: import it together with the " + main.label()));
        }
    }

    private static ImportSummary ignored(Path p, String format, String why) {
        return new ImportSummary(p.getFileName().toString(), format, null, null, 0, 0, Map.of(why, 1L),
                Duration.ZERO, null);
    }

    private static Path first(Map<ReferenceFormat, List<Path>> byFormat, ReferenceFormat f) {
        List<Path> l = byFormat.get(f);
        return l == null || l.isEmpty() ? null : l.get(0);
    }

    /** The companion given in this call, else one found next to the main file. */
    private static Path companion(Map<ReferenceFormat, List<Path>> byFormat, ReferenceFormat f, Path main)
            throws IOException {
        Path given = first(byFormat, f);
        if (given != null) {
            return given;
        }
        Path dir = main.toAbsolutePath().getParent();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                if (FormatDetector.detect(p) == f) {
                    return p;
                }
            }
        }
        return null;
    }

    private static String edition(Path file, boolean bundled, String fallback) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT)
                .replaceAll("\\.(gz|zip|csv|jsonl|json|xlsx|xml|txt|tsv)$", "").replaceAll("\\.(csv|json)$", "");
        String label = name.isEmpty() && fallback != null ? fallback : name;
        return bundled ? "bundled sample (" + label + ")" : label;
    }

    private static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile)
                            .filter(f -> !f.getFileName().toString().startsWith("."))
                            .filter(ReferenceImporter::notProse)
                            .sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new java.nio.file.NoSuchFileException(p.toString(), null, "no such file or directory");
            }
        }
        return files;
    }

    /** Markdown in a walked directory is documentation (MANIFEST.md), except the HTSUS notes, which are data. */
    private static boolean notProse(Path f) {
        if (!f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md")) {
            return true;
        }
        try {
            return FormatDetector.detect(f) == ReferenceFormat.HTSUS_CHAPTER_NOTES;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The HS chapter lines already in the index ("61" -> "61 Apparel and clothing accessories; ..."): the HTSUS
     * export has no chapter rows, so its paths borrow them to start at the chapter. Empty when HS is not loaded.
     */
    private Map<String, String> hsChapters() throws IOException {
        Map<String, String> chapters = new java.util.HashMap<>();
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            org.apache.lucene.search.IndexSearcher searcher = new org.apache.lucene.search.IndexSearcher(reader);
            for (int c = 1; c <= 99; c++) {
                String code = String.format("%02d", c);
                for (Payload p : ReferenceIndex.exact(searcher, Fields.tariffKey(HsImporter.SCHEDULE, code), 1)) {
                    chapters.put(code, code + " " + p.get(TariffDocs.DESCRIPTION));
                }
            }
        }
        return chapters;
    }

    private IndexWriter newWriter() throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(new TariffAnalyzer());
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        // A large buffer makes fewer, bigger segments during the 1.2M-row postal import.
        config.setRAMBufferSizeMB(128);
        return new IndexWriter(directory, config);
    }

    @Override
    public void close() throws IOException {
        try {
            writer.close();
        } finally {
            directory.close();
        }
    }
}
