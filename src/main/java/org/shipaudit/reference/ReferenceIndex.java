package org.shipaudit.reference;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.shipaudit.model.api.Address;
import org.shipaudit.model.ChargeType;
import org.shipaudit.model.lookup.ExchangeRates;
import org.shipaudit.reference.zones.ZoneAnswer;
import org.shipaudit.reference.zones.ZoneCharts;
import org.shipaudit.reference.zones.Zones;

/**
 * Read side of the reference index: tariff lines, dangerous goods, postal places, countries, currencies and
 * address validation, for the audit engine and the HTTP layer.
 *
 * <p>Thread-safe: every call acquires the current searcher from a {@link SearcherManager} and releases it, so
 * calls from many worker threads run in parallel and {@link #refreshIfChanged()} can swap in a new import (made by
 * another process, such as the CLI) while they run. Calls do blocking I/O on a memory-mapped index: call them from
 * a worker pool, never an event loop. Exact look-ups read the postings of one keyword term directly (no query
 * parsing, no scoring). Inputs are normalised (case, dots, spaces); null inputs give empty results.
 */
public final class ReferenceIndex implements Closeable, PostalLookups {

    /**
     * Recent answers, replaced as a whole when the index changes (an answer computed on the old view lands in the
     * old, discarded set) and bounded so memory stays flat:
     * description searches; classifications (with the official tariff loaded, classifying a real 15-20 word title
     * costs 1-4 ms of CPU, a third of a pre-ship audit's, and the same titles come back with every shipment of the
     * SKU); and exact tariff and postal look-ups, which every audit repeats for its warehouse, its destination ZIP
     * and its HS codes (10-20 us each against well under 1 us remembered).
     */
    private volatile Answers answers = new Answers();

    private record ClassifyKey(String schedule, ClassifyRequest request) {
    }

    private record TariffKey(String schedule, String digits) {
    }

    private record PostalKey(String country, String postalCode) {
    }

    private record CityKey(String country, String city, int max) {
    }

    /**
     * Remembered answers, forgotten together when the index changes. Countries and cities are asked on every audit
     * (each address of each shipment): an exact look-up opens a terms enumerator on every segment (13 in an index of
     * the official files), about 25 KB of garbage per answer, for a few hundred distinct countries.
     */
    private record Answers(SearchCache<String, List<TariffLine>> searches,
                           SearchCache<ClassifyKey, TariffClassification> classifications,
                           SearchCache<TariffKey, Optional<TariffLine>> tariffs,
                           SearchCache<PostalKey, List<PostalPlace>> places,
                           SearchCache<String, Optional<Country>> countries,
                           SearchCache<CityKey, List<PostalPlace>> cities) {
        Answers() {
            this(new SearchCache<>(20_000), new SearchCache<>(20_000), new SearchCache<>(50_000),
                    new SearchCache<>(50_000), new SearchCache<>(1_000), new SearchCache<>(50_000));
        }

        /** The same exact-look-up answers with the search and classification answers forgotten. */
        Answers withoutSearches() {
            return new Answers(new SearchCache<>(20_000), new SearchCache<>(20_000), tariffs, places, countries,
                    cities);
        }
    }

    private final Directory directory;
    private final SearcherManager manager;
    private final TariffSearch tariffSearch = new TariffSearch();
    private final TariffClassifier classifier = new TariffClassifier(tariffSearch);
    /** The curated synonyms and vague descriptions, a few thousand entries: held in memory, reloaded with the index. */
    private volatile ClassificationTerms classificationTerms = ClassificationTerms.EMPTY;
    /** One validator for the index's life: it reads through {@link PostalLookups}, whose answers follow refreshes. */
    private final AddressValidator addresses = new AddressValidator(this);
    private volatile Coverage coverage;
    /** Fuel tables are a few hundred rows read for most invoice lines: held in memory, reloaded with the index. */
    private volatile Map<String, List<FuelTableRow>> fuelTables;
    /** Published rates (about 10,000 cells a carrier and year) and contract discounts: in memory, reloaded too. */
    private volatile PublishedRateTable publishedRates = PublishedRateTable.EMPTY;
    private volatile ContractDiscounts contractDiscounts = ContractDiscounts.EMPTY;
    /** The euro reference rates, a few thousand days: held in memory, reloaded with the index. */
    private volatile ExchangeRateTable exchangeRates = ExchangeRateTable.EMPTY;
    private volatile AccessorialTables accessorials;
    /** Carrier zone charts (UPS about 6 MB, FedEx about 1 MB): in memory, rebuilt from their blocks with the index. */
    private volatile ZoneCharts zoneCharts = ZoneCharts.EMPTY;
    /**
     * Rate-sheet cells already read, by key: an invoice rates every transportation charge, but against a few hundred
     * distinct cells, so a map look-up replaces most index reads. Cleared with the index; emptied when it grows past
     * {@value #RATE_CACHE_LIMIT} cells, which bounds memory whatever the sheets. A refresh swaps in a new map, so a
     * look-up still reading the old index can only fill the old one.
     */
    private volatile Map<String, List<RateSheetRow>> rateCells = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int RATE_CACHE_LIMIT = 100_000;

    private ReferenceIndex(Directory directory) throws IOException {
        this.directory = directory;
        this.manager = new SearcherManager(directory, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setSimilarity(TariffSearch.SIMILARITY);
                return searcher;
            }
        });
        this.coverage = readCoverage();
        this.fuelTables = readFuelTables();
        readRateTables();
        this.accessorials = readAccessorials();
        this.classificationTerms = readClassificationTerms();
        this.exchangeRates = readExchangeRates();
        this.zoneCharts = readZoneCharts();
    }

    /**
     * Checks that the index at {@code indexDir} is whole before anything opens or writes it: a directory with segment
     * files but no commit (a deleted {@code segments_N}) and any file of the latest commit whose Lucene checksum does
     * not match (bytes overwritten) are refused. Without this a missing commit looked like an empty index, the bundled
     * sample was imported over it, and audits went on with world coverage gone; a damaged segment was not noticed
     * at all. Reads every file of the commit once (sequentially; about a second for a few hundred megabytes).
     *
     * @throws DamagedIndexException naming the directory, the file and the way to recover
     */
    public static void verify(Path indexDir) throws IOException {
        verify(indexDir, true);
    }

    /**
     * As {@link #verify(Path)}; with {@code full} false only the commit and each file's footer (its length, codec
     * footer and stored checksum, a few bytes per file) are read: that finds a lost commit and truncated or missing
     * files, not bytes overwritten inside a file, which is what the full read is for after an unclean stop.
     */
    public static void verify(Path indexDir, boolean full) throws IOException {
        if (!Files.isDirectory(indexDir)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.list(indexDir)) {
            if (files.noneMatch(f -> !f.getFileName().toString().equals("write.lock"))) {
                return; // fresh
            }
        }
        String recover = "; restore " + indexDir + " from a backup, or delete it and run `reference import` with the "
                + "official files again (the bundled sample is imported into an empty index at start)";
        try (Directory dir = FSDirectory.open(indexDir)) {
            if (!DirectoryReader.indexExists(dir)) {
                throw new DamagedIndexException("the reference index at " + indexDir + " holds files but no commit "
                        + "(segments_N is missing)" + recover, null);
            }
            org.apache.lucene.index.SegmentInfos commit;
            try {
                commit = org.apache.lucene.index.SegmentInfos.readLatestCommit(dir);
            } catch (IOException e) {
                throw new DamagedIndexException("the reference index at " + indexDir + " has an unreadable commit: "
                        + e.getMessage() + recover, e);
            }
            for (String name : commit.files(true)) {
                try (org.apache.lucene.store.IndexInput in = dir.openInput(name,
                        org.apache.lucene.store.IOContext.READONCE)) {
                    if (full) {
                        org.apache.lucene.codecs.CodecUtil.checksumEntireFile(in);
                    } else {
                        org.apache.lucene.codecs.CodecUtil.retrieveChecksum(in);
                    }
                } catch (IOException e) {
                    throw new DamagedIndexException("the reference index at " + indexDir + " is damaged: " + name
                            + " fails its checksum (" + e.getMessage() + ")" + recover, e);
                }
            }
        }
    }

    /**
     * The file beside the index that a service writes when it opens the index and deletes when it closes it: found at
     * start, it means the last stop was not clean (a kill, a power cut), and the index is checked in full.
     */
    public static Path openMarker(Path indexDir) {
        return indexDir.toAbsolutePath().resolveSibling(indexDir.getFileName() + ".open");
    }

    /** Opens the index at {@code indexDir}, creating an empty one if there is none. */
    public static ReferenceIndex open(Path indexDir) throws IOException {
        Files.createDirectories(indexDir);
        Directory dir = FSDirectory.open(indexDir);
        try {
            if (!DirectoryReader.indexExists(dir)) {
                IndexWriterConfig config = new IndexWriterConfig(new TariffAnalyzer())
                        .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
                try (IndexWriter w = new IndexWriter(dir, config)) {
                    w.commit();
                }
            }
            return new ReferenceIndex(dir);
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    /**
     * Picks up a commit made since the last look (by an importer in this or another process); true if the view
     * changed. Cheap when nothing changed; safe to call from a timer.
     */
    public boolean refreshIfChanged() throws IOException {
        long before = version();
        manager.maybeRefreshBlocking();
        long after = version();
        if (before != after) {
            coverage = readCoverage();
            fuelTables = readFuelTables();
            readRateTables();
            accessorials = readAccessorials();
            classificationTerms = readClassificationTerms();
            exchangeRates = readExchangeRates();
            zoneCharts = readZoneCharts();
            rateCells = new java.util.concurrent.ConcurrentHashMap<>();
            answers = new Answers();
            return true;
        }
        return false;
    }

    /**
     * Forgets remembered search and classification answers (the benchmark uses it to time uncached ones). The exact
     * tariff and postal answers stay: a classification's candidate lines are exact look-ups, remembered across
     * classifications as they are in service.
     */
    public void clearSearchCache() {
        answers = answers.withoutSearches();
    }

    /** Forgets every remembered answer, exact look-ups too (the benchmark uses it to time the index itself). */
    public void clearAnswers() {
        answers = new Answers();
    }

    /**
     * The tariff line with this code in the schedule ("HS", "HTSUS", "EU_CN"; null means HS). The code may have
     * dots or spaces. A longer code is cut to the schedule's length (HS 6, EU CN 8, HTSUS 10 digits); a shorter
     * code is padded with "00" to the next line that exists (HTSUS "6109.10" finds 6109.10.00). An HS6 code
     * that HTSUS prints only below it answers its first line (HTSUS "0106.12" finds 0106.12.01.00).
     */
    public Optional<TariffLine> tariff(String schedule, String code) {
        String s = HtsusImporter.normalizeSchedule(schedule);
        String all = Normalize.digits(code);
        if (all.length() < 2) {
            return Optional.empty();
        }
        int max = switch (s) {
            case HsImporter.SCHEDULE -> 6;
            case EuCnImporter.SCHEDULE -> 8;
            default -> 10;
        };
        String digits = all.length() > max ? all.substring(0, max) : all;
        TariffKey key = new TariffKey(s, digits);
        return answers.tariffs().answer(key, () -> withSearcher(searcher -> {
            String d = digits;
            for (int i = 0; i < 3 && d.length() <= max; i++, d = d + "00") {
                List<Payload> docs = exact(searcher, Fields.tariffKey(s, d), 1);
                if (!docs.isEmpty()) {
                    return Optional.of(TariffSearch.line(docs.get(0), 0f));
                }
                if (s.equals(HsImporter.SCHEDULE)) {
                    break;
                }
            }
            return Optional.<TariffLine>empty();
        }));
    }

    /**
     * The line for a code whatever its schedule, as {@code GET /v1/reference/tariff/{code}} needs: up to 6 digits
     * is HS; longer codes are tried as HTSUS, then EU CN, then cut to their HS subheading.
     */
    public Optional<TariffLine> tariff(String code) {
        String digits = Normalize.digits(code);
        if (digits.length() <= 6) {
            return tariff(HsImporter.SCHEDULE, digits);
        }
        return tariff(HtsusImporter.SCHEDULE, digits)
                .or(() -> tariff(EuCnImporter.SCHEDULE, digits))
                .or(() -> tariff(HsImporter.SCHEDULE, digits));
    }

    /**
     * Tariff lines ranked for a product description, best first, at most {@code limit}. Matches the line's own
     * text and, weighted lower, its hierarchy's text. A query that is a code answers that line.
     * {@code schedule} null means HS.
     */
    public List<TariffLine> searchTariff(String query, String schedule, int limit) {
        if (query == null || query.isBlank() || limit <= 0) {
            return List.of();
        }
        String s = HtsusImporter.normalizeSchedule(schedule);
        if (query.trim().matches("[0-9][0-9. ]*")) {
            return tariff(s, query).map(List::of).orElse(List.of());
        }
        // The same product descriptions come back all day (one SKU, many shipments): remember recent answers.
        String key = s + '\u0000' + limit + '\u0000' + query.trim().toLowerCase(java.util.Locale.ROOT);
        return answers.searches().answer(key, () -> List.copyOf(search(query, s, limit)));
    }

    private List<TariffLine> search(String query, String s, int limit) {
        return withSearcher(searcher -> {
            var q = tariffSearch.query(query, s);
            if (q == null) {
                return List.<TariffLine>of();
            }
            TopDocs top = searcher.search(q, limit);
            if (top.scoreDocs.length == 0) {
                top = searcher.search(tariffSearch.query(query, s, true), limit);
            }
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            List<TariffLine> out = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc sd : top.scoreDocs) {
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
                out.add(TariffSearch.line(Payload.read(leaf.reader(), sd.doc - leaf.docBase), sd.score));
            }
            return out;
        });
    }

    /**
     * Classifies a product description in the request's schedule (null means HS): the likeliest headings and
     * subheadings with confidences and reasons, or an abstention saying why not. Recent answers are remembered until
     * the index changes: the answer depends on the request and the index only. See {@link TariffClassifier}.
     */
    public TariffClassification classifyTariff(ClassifyRequest request) {
        String s = HtsusImporter.normalizeSchedule(request.schedule());
        ClassifyKey key = new ClassifyKey(s, request);
        ClassificationTerms curated = classificationTerms;
        // The candidates' lines (20 per answer, one to three exact look-ups each) come from tariff(), which remembers them.
        return answers.classifications().answer(key, () -> withSearcher(searcher -> classifier.classify(searcher,
                request, s, curated, this::tariff)));
    }

    /**
     * The Hazardous Materials Table entries for an ID number: "UN3480", "3480" (read as UN, else NA), "NA1993",
     * "ID8000". Empty when unknown.
     */
    public List<HazmatEntry> hazmat(String unNumber) {
        String id = Normalize.unNumber(unNumber);
        if (id.isEmpty()) {
            return List.of();
        }
        return withSearcher(searcher -> {
            List<Payload> docs = exact(searcher, Fields.hazmatKey(id), 100);
            if (docs.isEmpty() && unNumber.trim().matches("\\d{4}")) {
                docs = exact(searcher, Fields.hazmatKey("NA" + unNumber.trim()), 100);
            }
            List<HazmatEntry> out = new ArrayList<>(docs.size());
            for (Payload d : docs) {
                out.add(hazmatEntry(d));
            }
            return out;
        });
    }

    private static HazmatEntry hazmatEntry(Payload d) {
        return new HazmatEntry(d.get("un"), d.get("name"), d.get("class"), orEmpty(d.get("pg")),
                list(d.get("subsidiary")), list(d.get("labels")), list(d.get("provisions")),
                d.get("passenger"), d.get("cargo"), d.getInt("forbidden", 0) == 1);
    }

    /**
     * The entries that column 3 of the Hazardous Materials Table marks "Forbidden" under this proper shipping name
     * (case, punctuation and parenthesised qualifiers ignored). Such entries have no ID number, so a declaration
     * reaches them only by name. Empty when none.
     */
    public List<HazmatEntry> forbiddenHazmat(String properShippingName) {
        String core = org.shipaudit.model.lookup.HazmatNames.core(properShippingName);
        if (core.isEmpty()) {
            return List.of();
        }
        return withSearcher(searcher -> exact(searcher, Fields.hazmatNameKey(core), 20).stream()
                .map(ReferenceIndex::hazmatEntry).toList());
    }

    /**
     * The places a postal code serves in a country. Case and spaces are normalised, a US ZIP+4 is cut to 5 digits;
     * where GeoNames keys a country by a code prefix (GB outward code "SW1A" or district "SW1", CA "M5V"), a full
     * code finds its prefix. Empty when unknown or when the country has no postal data.
     */
    @Override
    public List<PostalPlace> postalPlaces(String country, String postalCode) {
        String c = Normalize.country(country);
        if (c.length() != 2 || postalCode == null || postalCode.isBlank()) {
            return List.of();
        }
        PostalKey cacheKey = new PostalKey(c, postalCode);
        return answers.places().answer(cacheKey, () -> withSearcher(searcher -> {
            for (String[] key : PostalKeys.candidates(c, postalCode)) {
                List<Payload> docs = exact(searcher, Fields.postalKey(key[0], key[1]), 1000);
                if (!docs.isEmpty()) {
                    return docs.stream().map(ReferenceIndex::place).toList();
                }
            }
            return List.<PostalPlace>of();
        }));
    }

    /** The ISO 3166-1 country with this alpha-2 code (any case). */
    @Override
    public Optional<Country> country(String alpha2) {
        String c = Normalize.country(alpha2);
        if (c.length() != 2) {
            return Optional.empty();
        }
        return answers.countries().answer(c, () -> withSearcher(searcher -> exact(searcher, Fields.countryKey(c), 1)
                .stream().findFirst().map(d -> new Country(d.get("alpha2"), d.get("alpha3"), d.get("numeric"),
                        d.get("name"), d.get("currency")))));
    }

    /** The ISO 4217 currency with this alphabetic code (any case). */
    public Optional<Currency> currency(String code) {
        String c = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        if (c.length() != 3) {
            return Optional.empty();
        }
        return withSearcher(searcher -> exact(searcher, Fields.currencyKey(c), 1).stream().findFirst()
                .map(d -> new Currency(d.get("code"), d.get("numeric"), d.get("name"),
                        d.get("minor") == null ? null : d.getInt("minor", 0))));
    }

    /**
     * True when the country has an ISO 3166-2 subdivision with this code ("NY" or "US-NY") or this name
     * ("New York", accents and case ignored).
     */
    public boolean subdivisionExists(String country, String code) {
        String c = Normalize.country(country);
        if (c.length() != 2 || code == null || code.isBlank()) {
            return false;
        }
        String k = code.trim().toUpperCase(Locale.ROOT);
        String iso = k.startsWith(c + "-") ? k : c + "-" + k;
        return withSearcher(searcher -> !exact(searcher, Fields.subdivisionKey(iso), 1).isEmpty()
                || !exact(searcher, Fields.subdivisionNameKey(c, Normalize.name(code)), 1).isEmpty());
    }

    /**
     * Whether a US ZIP code is on the carrier's delivery-area surcharge list in force on a day, and at which tier.
     * The list in force is the latest one taking effect on or before the day: a carrier's list (source id with its
     * effective date) until the next one, a list of our own layout (source id with a year) for its calendar year.
     * Empty when no list of that carrier is in force: then nothing can be said.
     */
    public Optional<DeliveryAreaListing> deliveryArea(String carrier, LocalDate day, String postalCode) {
        if (carrier == null || postalCode == null || day == null) {
            return Optional.empty();
        }
        String c = carrier.trim().toUpperCase(Locale.ROOT);
        String zip = CarrierTableImporter.zip(postalCode);
        Optional<Coverage.Source> list = listInForce(c, day);
        if (list.isEmpty() || !zip.matches("\\d{5}")) {
            return Optional.empty();
        }
        String id = list.get().id().substring(CarrierTableImporter.deliveryAreaSource(c, "").length());
        return withSearcher(searcher -> {
            List<Payload> docs = exact(searcher, Fields.deliveryAreaKey(c, id, zip), 1);
            return Optional.of(new DeliveryAreaListing(c, Integer.parseInt(id.substring(0, 4)), zip,
                    !docs.isEmpty(), docs.isEmpty() ? "" : docs.get(0).get("type"), list.get().edition()));
        });
    }

    private Optional<Coverage.Source> listInForce(String carrier, LocalDate day) {
        String prefix = CarrierTableImporter.deliveryAreaSource(carrier, "");
        Coverage.Source best = null;
        LocalDate bestFrom = null;
        for (Coverage.Source s : coverage.sources()) {
            if (!s.id().startsWith(prefix)) {
                continue;
            }
            String id = s.id().substring(prefix.length());
            LocalDate from;
            if (id.matches("\\d{4}")) {
                if (Integer.parseInt(id) != day.getYear()) {
                    continue;
                }
                from = LocalDate.of(day.getYear(), 1, 1);
            } else {
                try {
                    from = LocalDate.parse(id);
                } catch (java.time.format.DateTimeParseException e) {
                    continue;
                }
            }
            if (!from.isAfter(day) && (bestFrom == null || from.isAfter(bestFrom))) {
                best = s;
                bestFrom = from;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The carriers' accessorial tables loaded (held in memory, refreshed with the index): the amounts the pre-ship
     * prediction and the invoice check both price surcharges with.
     */
    public AccessorialTables accessorials() {
        return accessorials;
    }

    /**
     * The carrier's fuel surcharge row in force on a day for a service group (GROUND, AIR, INTERNATIONAL); empty
     * when the carrier's table is not loaded or has no row for that day.
     */
    public Optional<FuelTableRow> fuelRate(String carrier, String group, LocalDate day) {
        if (carrier == null || group == null || day == null) {
            return Optional.empty();
        }
        List<FuelTableRow> rows = fuelTables.getOrDefault(
                Fields.fuelKey(carrier.trim().toUpperCase(Locale.ROOT), group), List.of());
        return rows.stream().filter(r -> r.covers(day)).findFirst();
    }

    /**
     * The carrier's published rate for a service, zone and weight step in the edition in force on the ship date, or
     * why there is none ({@link PublishedRateTable#lookup}). In memory; no index read.
     */
    public PublishedRateLookup publishedRate(String carrier, String service, String zone, int weightLb,
                                             LocalDate shipDate, LocalDate invoiceDate) {
        return publishedRates.lookup(carrier, service, zone, weightLb, shipDate, invoiceDate);
    }

    /** The contract discount off the published rate configured for a charge's cell, if any. In memory. */
    public Optional<ContractDiscount> contractDiscount(String carrier, String account, String service, String zone,
                                                       int weightLb, LocalDate day) {
        return contractDiscounts.lookup(carrier, account, service, zone, weightLb, day);
    }

    /**
     * The rating zone the carrier's zone chart in force on the ship date gives a service between two US ZIP codes, or
     * why it cannot say ({@link ZoneCharts#zone}). In memory; no index read.
     */
    public ZoneAnswer zone(String carrier, String service, String origin, String destination, LocalDate shipDate) {
        return zoneCharts.zone(carrier, service, origin, destination, shipDate);
    }

    /** The zone charts loaded, for stats and benchmarks. */
    public ZoneCharts zoneCharts() {
        return zoneCharts;
    }

    /**
     * The euro reference rates usable on {@code day}: per currency the latest published on or before it, at most
     * {@code maxAgeDays} older; {@link ExchangeRates#NONE} when no rate table is loaded. Cross rates go through EUR.
     */
    public ExchangeRates exchangeRates(LocalDate day, int maxAgeDays) {
        return exchangeRates.on(day, maxAgeDays);
    }

    /**
     * The contract rate sheet's cell for a carrier, service, rating zone and weight step in force on a day; empty when
     * no rate sheet is loaded for the carrier or it has no such cell.
     */
    public Optional<RateSheetRow> contractRate(String carrier, String service, String zone, int weightLb,
                                               LocalDate day) {
        if (carrier == null || service == null || zone == null || day == null) {
            return Optional.empty();
        }
        String c = carrier.trim().toUpperCase(Locale.ROOT);
        if (!coverage.has(CarrierTableImporter.rateSource(c))) {
            return Optional.empty();
        }
        String s = org.shipaudit.model.lookup.ServiceCatalog.canonical(service);
        String z = Zones.plain(zone);
        String key = Fields.rateKey(c, s, z, weightLb);
        Map<String, List<RateSheetRow>> cache = rateCells;
        List<RateSheetRow> cells = cache.get(key);
        if (cells == null) {
            cells = withSearcher(searcher -> {
                List<RateSheetRow> out = new ArrayList<>(1);
                for (Payload d : exact(searcher, key, 100)) {
                    out.add(new RateSheetRow(c, s, z, weightLb, new java.math.BigDecimal(d.get("list")),
                            new java.math.BigDecimal(d.get("discount")), LocalDate.parse(d.get("from")),
                            d.get("to") == null ? null : LocalDate.parse(d.get("to")), orEmpty(d.get("source"))));
                }
                return List.copyOf(out);
            });
            if (cache.size() >= RATE_CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(key, cells);
        }
        return cells.stream().filter(r -> r.covers(day)).findFirst();
    }

    /**
     * The restricted-party list entries whose names match the query, best first (see {@code ScreeningSearch}): at
     * most {@code limit}, each scoring at least {@code minScore}. Empty when no list is loaded or the name has no
     * letters. About 100-300 microseconds with the three official lists loaded.
     */
    public List<org.shipaudit.reference.screening.ScreeningHit> screen(
            org.shipaudit.reference.screening.ScreeningQuery query) {
        if (query == null || query.name() == null || query.name().isBlank()) {
            return List.of();
        }
        return withSearcher(searcher -> ScreeningSearch.search(searcher, query));
    }

    /**
     * How rare each name token is across the loaded lists ({@code TokenRarity}), for {@code bench screening} to say
     * which matches rest on common tokens only.
     */
    public org.shipaudit.reference.screening.NameScorer.Rarity screeningRarity() {
        return withSearcher(searcher -> TokenRarity.of(searcher.getIndexReader()));
    }

    /**
     * A listed name drawn from the index for benchmarks: which entry, its type, the name, its quality mark, and the
     * entry's countries (ISO codes) and address cities (normalised), so a benchmark can give the party a place.
     */
    public record ListedNameSample(String list, String entryId, String type, String name, String quality,
                                   List<String> countries, List<String> cities) {
        public ListedNameSample {
            countries = List.copyOf(countries);
            cities = List.copyOf(cities);
        }
    }

    /**
     * Up to {@code n} listed names (primary names and aliases) drawn at random (seeded) from the loaded lists, for
     * {@code bench screening}. Reads every screening document once; not for hot paths.
     */
    public List<ListedNameSample> sampleListedNames(int n, long seed) {
        return withSearcher(searcher -> {
            List<ListedNameSample> all = new ArrayList<>();
            for (Payload d : matching(searcher, Fields.KIND, Fields.KIND_SCREENING, Integer.MAX_VALUE)) {
                String countries = d.get("countries");
                all.add(new ListedNameSample(d.get("list"), d.get("entryId"), d.get("type"), d.get("matched"),
                        d.get("quality"), countries == null || countries.isEmpty() ? List.of()
                                : Arrays.asList(countries.split(" ")), list(d.get("cities"))));
            }
            // Index order depends on how the import's segments were written and merged: sorted first, the same seed
            // draws the same names from any import of the same editions.
            all.sort(java.util.Comparator.comparing(ListedNameSample::list).thenComparing(ListedNameSample::entryId)
                    .thenComparing(ListedNameSample::name).thenComparing(ListedNameSample::quality));
            java.util.Collections.shuffle(all, new java.util.Random(seed));
            return List.copyOf(all.subList(0, Math.min(n, all.size())));
        });
    }

    /** True when the loaded edition of the list has an entry with this id. */
    public boolean hasScreeningEntry(org.shipaudit.reference.screening.SanctionsList list, String entryId) {
        if (list == null || entryId == null) {
            return false;
        }
        return withSearcher(searcher -> !exact(searcher, ScreeningDocs.entryKey(list.name(), entryId), 1).isEmpty());
    }

    /** Checks an address against the loaded countries and postal data; see {@link AddressValidation}. */
    public AddressValidation validateAddress(Address address) {
        return addresses.validate(address);
    }

    /** Which sources are loaded, with editions and row counts; recomputed when a refresh sees a new commit. */
    @Override
    public Coverage coverage() {
        return coverage;
    }

    /** One real look-up key sampled from the index: kind "tariff" (schedule, code), "hazmat" (id), "postal" (country, code). */
    public record SampleKey(String kind, String first, String second) {
    }

    /**
     * About {@code n} keys drawn at random (seeded) from the index, a third each of tariff codes, hazmat IDs and
     * postal codes, for benchmarks and diagnostics. Reads stored fields of random documents; not for hot paths.
     */
    public List<SampleKey> sampleKeys(int n, long seed) {
        java.util.Random random = new java.util.Random(seed);
        return withSearcher(searcher -> {
            List<SampleKey> out = new ArrayList<>(n);
            for (String kind : List.of(Fields.KIND_TARIFF, Fields.KIND_HAZMAT, Fields.KIND_POSTAL)) {
                List<int[]> docs = new ArrayList<>();
                for (LeafReaderContext ctx : searcher.getIndexReader().leaves()) {
                    PostingsEnum p = ctx.reader().postings(new Term(Fields.KIND, kind), PostingsEnum.NONE);
                    Bits live = ctx.reader().getLiveDocs();
                    if (p == null) {
                        continue;
                    }
                    for (int d = p.nextDoc(); d != PostingsEnum.NO_MORE_DOCS; d = p.nextDoc()) {
                        if (live == null || live.get(d)) {
                            docs.add(new int[] {ctx.ord, d});
                        }
                    }
                }
                for (int i = 0; i < n / 3 && !docs.isEmpty(); i++) {
                    int[] pick = docs.get(random.nextInt(docs.size()));
                    Payload d = Payload.read(searcher.getIndexReader().leaves().get(pick[0]).reader(), pick[1]);
                    switch (kind) {
                        case Fields.KIND_TARIFF -> out.add(new SampleKey(kind, d.get(Fields.SCHEDULE), d.get(TariffDocs.CODE)));
                        case Fields.KIND_HAZMAT -> {
                            if (d.get("un") != null) {
                                out.add(new SampleKey(kind, d.get("un"), null));
                            }
                        }
                        default -> out.add(new SampleKey(kind, d.get("country"), d.get("code")));
                    }
                }
            }
            java.util.Collections.shuffle(out, random);
            return out;
        });
    }

    /** Live documents in the index, all kinds together (for tests and diagnostics). */
    long documentCount() {
        return withSearcher(searcher -> (long) searcher.getIndexReader().numDocs());
    }

    /** Places whose normalised name is {@code city} in the country (for candidates when a postal code is unknown). */
    @Override
    public List<PostalPlace> placesByCity(String country, String city, int max) {
        String c = Normalize.country(country);
        String n = Normalize.name(city);
        if (c.length() != 2 || n.isEmpty()) {
            return List.of();
        }
        return answers.cities().answer(new CityKey(c, n, max), () -> withSearcher(searcher ->
                exact(searcher, Fields.postalCityKey(c, n), max).stream().map(ReferenceIndex::place).toList()));
    }

    private static PostalPlace place(Payload d) {
        return new PostalPlace(d.get("country"), d.get("code"), d.get("place"), d.get("state"), d.get("stateCode"),
                d.get("province"), number(d.get("lat")), number(d.get("lon")));
    }

    private Coverage readCoverage() throws IOException {
        IndexSearcher searcher = manager.acquire();
        try {
            List<Coverage.Source> sources = new ArrayList<>();
            TopDocs top = searcher.search(new org.apache.lucene.search.TermQuery(
                    new Term(Fields.KIND, Fields.KIND_EDITION)), 10_000);
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc sd : top.scoreDocs) {
                Document d = stored.document(sd.doc);
                sources.add(new Coverage.Source(d.get("id"), d.get("sourceKind"), d.get("edition"), d.get("file"),
                        d.getField("rows").numericValue().longValue(), intValue(d, "bundled") == 1,
                        Instant.ofEpochMilli(d.getField("importedAt").numericValue().longValue()),
                        intValue(d, "normalizer")));
            }
            sources.sort(Comparator.comparing(Coverage.Source::id));
            boolean bundledOnly = !sources.isEmpty() && sources.stream().allMatch(Coverage.Source::bundled);
            return new Coverage(List.copyOf(sources), bundledOnly);
        } finally {
            manager.release(searcher);
        }
    }

    private AccessorialTables readAccessorials() throws IOException {
        IndexSearcher searcher = manager.acquire();
        try {
            Map<String, List<AccessorialAmount>> out = new java.util.HashMap<>();
            for (Payload d : matching(searcher, Fields.KIND, Fields.KIND_ACCESSORIAL, Integer.MAX_VALUE)) {
                AccessorialAmount a = AccessorialTableImporter.amount(d);
                out.computeIfAbsent(a.carrier(), k -> new ArrayList<>()).add(a);
            }
            return out.isEmpty() ? AccessorialTables.EMPTY : new AccessorialTables(out);
        } finally {
            manager.release(searcher);
        }
    }

    private Map<String, List<FuelTableRow>> readFuelTables() throws IOException {
        IndexSearcher searcher = manager.acquire();
        try {
            Map<String, List<FuelTableRow>> out = new java.util.HashMap<>();
            for (Payload d : matching(searcher, Fields.KIND, Fields.KIND_FUEL, Integer.MAX_VALUE)) {
                Set<ChargeType> appliesTo = EnumSet.noneOf(ChargeType.class);
                for (String t : d.get("appliesTo").split(" ")) {
                    appliesTo.add(ChargeType.valueOf(t));
                }
                FuelTableRow row = new FuelTableRow(d.get("carrier"), d.get("group"), LocalDate.parse(d.get("from")),
                        d.get("to") == null ? null : LocalDate.parse(d.get("to")), new java.math.BigDecimal(
                        d.get("percent")), Set.copyOf(appliesTo), orEmpty(d.get("source")));
                out.computeIfAbsent(Fields.fuelKey(row.carrier(), row.group()), k -> new ArrayList<>()).add(row);
            }
            out.values().forEach(l -> l.sort(Comparator.comparing(FuelTableRow::from).reversed()));
            return Map.copyOf(out);
        } finally {
            manager.release(searcher);
        }
    }

    private void readRateTables() throws IOException {
        IndexSearcher searcher = manager.acquire();
        try {
            List<PublishedRateTable.Cell> cells = new ArrayList<>();
            for (Payload d : matching(searcher, Fields.KIND, PublishedRates.KIND, Integer.MAX_VALUE)) {
                cells.add(new PublishedRateTable.Cell(d.get("carrier"), d.get("service"), d.get("zone"),
                        Integer.parseInt(d.get("weight")), new java.math.BigDecimal(d.get("rate")),
                        LocalDate.parse(d.get("from")), d.get("name"), d.get("edition")));
            }
            List<ContractDiscounts.Row> discounts = new ArrayList<>();
            for (Payload d : matching(searcher, Fields.KIND, ContractDiscounts.KIND, Integer.MAX_VALUE)) {
                discounts.add(ContractDiscounts.fromStored(d));
            }
            publishedRates = cells.isEmpty() ? PublishedRateTable.EMPTY : new PublishedRateTable(cells);
            contractDiscounts = discounts.isEmpty() ? ContractDiscounts.EMPTY : new ContractDiscounts(discounts);
        } finally {
            manager.release(searcher);
        }
    }

    private ExchangeRateTable readExchangeRates() throws IOException {
        Coverage.Source source = coverage.source(ExchangeRateImporter.SOURCE).orElse(null);
        if (source == null) {
            return ExchangeRateTable.EMPTY;
        }
        IndexSearcher searcher = manager.acquire();
        try {
            // Findings show who published the rate, and say so when it is only the bundled sample.
            return ExchangeRateTable.read(searcher.getIndexReader(), ExchangeRateImporter.PUBLISHER
                    + (source.bundled() ? " (bundled sample)" : ""));
        } finally {
            manager.release(searcher);
        }
    }

    private ZoneCharts readZoneCharts() throws IOException {
        IndexSearcher searcher = manager.acquire();
        try {
            return ZoneChartImporter.read(searcher.getIndexReader());
        } finally {
            manager.release(searcher);
        }
    }

    private ClassificationTerms readClassificationTerms() throws IOException {
        IndexSearcher searcher = manager.acquire();
        try {
            List<String> synonyms = matching(searcher, Fields.KIND, Fields.KIND_SYNONYM, Integer.MAX_VALUE).stream()
                    .map(p -> p.get(ClassificationTermsImporter.LINE)).toList();
            List<ClassificationTerms.Vague> vague = matching(searcher, Fields.KIND, Fields.KIND_VAGUE,
                    Integer.MAX_VALUE).stream().map(p -> new ClassificationTerms.Vague(
                    p.get(ClassificationTermsImporter.TERM), "1".equals(p.get(ClassificationTermsImporter.GENERIC))))
                    .toList();
            TariffVocabulary words = TariffVocabulary.of(searcher.getIndexReader());
            return (synonyms.isEmpty() && vague.isEmpty() ? ClassificationTerms.EMPTY
                    : ClassificationTerms.of(synonyms, vague, tariffSearch::terms, t -> {
                        try {
                            return searcher.getIndexReader().docFreq(new Term(Fields.TEXT, t));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })).with(words);
        } finally {
            manager.release(searcher);
        }
    }

    private long version() throws IOException {
        IndexSearcher s = manager.acquire();
        try {
            return ((DirectoryReader) s.getIndexReader()).getVersion();
        } finally {
            manager.release(s);
        }
    }

    @FunctionalInterface
    private interface SearcherCall<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherCall<T> call) {
        try {
            IndexSearcher s = manager.acquire();
            try {
                return call.apply(s);
            } finally {
                manager.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reference index read failed", e);
        }
    }

    /** Live documents holding the keyword {@code key}, read straight from the postings of each segment. */
    static List<Payload> exact(IndexSearcher searcher, String key, int max) throws IOException {
        return matching(searcher, Fields.KEY, key, max);
    }

    /** Live documents whose keyword {@code field} holds {@code value}, read straight from the postings. */
    static List<Payload> matching(IndexSearcher searcher, String field, String value, int max)
            throws IOException {
        BytesRef term = new BytesRef(value);
        List<Payload> out = new ArrayList<>(2);
        for (LeafReaderContext ctx : searcher.getIndexReader().leaves()) {
            Terms terms = ctx.reader().terms(field);
            if (terms == null) {
                continue;
            }
            TermsEnum te = terms.iterator();
            if (!te.seekExact(term)) {
                continue;
            }
            PostingsEnum postings = te.postings(null, PostingsEnum.NONE);
            Bits live = ctx.reader().getLiveDocs();
            BinaryDocValues payloads = null;
            for (int doc = postings.nextDoc(); doc != PostingsEnum.NO_MORE_DOCS; doc = postings.nextDoc()) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                if (payloads == null) {
                    payloads = ctx.reader().getBinaryDocValues(Payload.FIELD);
                }
                if (payloads == null || !payloads.advanceExact(doc)) {
                    continue;
                }
                out.add(Payload.decode(payloads.binaryValue()));
                if (out.size() >= max) {
                    return out;
                }
            }
        }
        return out;
    }

    static List<String> list(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(Fields.SEP));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static int intValue(Document d, String field) {
        var f = d.getField(field);
        return f == null ? 0 : f.numericValue().intValue();
    }

    private static Double number(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            return Double.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            manager.close();
        } finally {
            directory.close();
        }
    }

}
