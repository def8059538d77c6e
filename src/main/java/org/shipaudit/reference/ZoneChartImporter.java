package org.shipaudit.reference;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.shipaudit.reference.zones.FedexZoneRangeFile;
import org.shipaudit.reference.zones.RowSink;
import org.shipaudit.reference.zones.UpsZoneChartFile;
import org.shipaudit.reference.zones.ZoneBlock;
import org.shipaudit.reference.zones.ZoneChart;
import org.shipaudit.reference.zones.ZoneCharts;

/**
 * Imports carrier zone charts and reads them back. A chart is read from the carrier's file once, at import, into one
 * block of bytes per origin ({@link ZoneBlock}), stored as one document each with the block as a binary doc value:
 * parsing the 824,000 rows of UPS's chart takes seconds, while opening the index reads its 902 blocks (6 MB) in a
 * fraction of one. The chart's edition is its file name, with its effective date or the rate year whose effective
 * day the carrier's rate documents state ({@link RateEditions}): carriers republish zone charts with each year's
 * rates. A file that names neither is refused rather than dated by guess. Each chart is one source
 * ({@code zones:UPS:2025-12-22}), replaced by its next import.
 */
final class ZoneChartImporter {

    static final String CELLS = "zoneCells";
    private static final Pattern DATE = Pattern.compile("(?<!\\d)((?:19|20)\\d\\d)-(\\d\\d)-(\\d\\d)(?!\\d)");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)((?:19|20)\\d\\d)(?!\\d)");

    private ZoneChartImporter() {
    }

    @FunctionalInterface
    private interface ChartReader {
        ZoneChart read(java.io.Reader in, String carrier, LocalDate from, String edition, RowSink sink)
                throws IOException;
    }

    static ImportSummary ups(ImportRun run, Path file, String edition) throws IOException {
        return run(run, file, edition, "UPS", ReferenceFormat.UPS_ZONE_CHART_CSV, UpsZoneChartFile::read);
    }

    static ImportSummary fedex(ImportRun run, Path file, String edition) throws IOException {
        return run(run, file, edition, "FEDEX", ReferenceFormat.FEDEX_ZONE_RANGES_CSV, FedexZoneRangeFile::read);
    }

    private static ImportSummary run(ImportRun run, Path file, String edition, String carrier, ReferenceFormat format,
                                     ChartReader reader) throws IOException {
        LocalDate from = effectiveFrom(run, carrier, edition);
        String source = source(carrier, from);
        RowErrors errors = new RowErrors(run);
        ZoneChart chart;
        try (java.io.Reader in = ReferenceFiles.reader(file)) {
            chart = reader.read(in, carrier, from, edition, new RowSink() {
                @Override
                public void read() {
                    run.read++;
                }

                @Override
                public void problem(long record, String why) {
                    errors.add(record, why);
                }
            });
        }
        if (chart.cells() == 0) {
            throw new MalformedReferenceFileException(run.file, run.read + 1, "no readable zone in the chart");
        }
        run.replace(source);
        String series = String.join(" ", chart.series());
        String layout = ZoneCharts.layout(chart).name();
        for (ZoneBlock b : chart.blocks()) {
            Document d = Fields.base(Fields.KIND_ZONE_BLOCK, source);
            d.add(new StoredField("carrier", carrier));
            d.add(new StoredField("from", from.toString()));
            d.add(new StoredField("edition", edition));
            d.add(new StoredField("layout", layout));
            d.add(new StoredField("series", series));
            d.add(new StoredField("origin", b.origin()));
            d.add(new StoredField("codes", b.codes()));
            d.add(new BinaryDocValuesField(CELLS, new BytesRef(b.cells())));
            run.add(d);
        }
        run.edition(source, "zone-chart", edition + " (effective " + from + "; " + chart.origins() + " origins, "
                + String.format("%,d", chart.cells()) + " cells; " + series + ")", chart.cells());
        return run.summary(format, source, edition);
    }

    static String source(String carrier, LocalDate from) {
        return "zones:" + carrier + ":" + from;
    }

    /** Whether an edition (a file name) names a day or a year, so {@link #effectiveFrom} can date the chart. */
    static boolean dated(String edition) {
        return DATE.matcher(edition).find() || YEAR.matcher(edition).find();
    }

    /** Why an undated chart is not imported, and how to name it so it is. */
    static String undated(String carrier) {
        return "not imported: a " + carrier + " zone chart that does not say its edition: zones change with the "
                + "yearly rates, so name the file with the day it took effect or its rate year, e.g. "
                + carrier.toLowerCase(Locale.ROOT) + "_zones_2026-01-05.csv";
    }

    /**
     * The day a chart took effect: the date in its edition, else the known effective day of the rate year it names.
     */
    static LocalDate effectiveFrom(ImportRun run, String carrier, String edition) throws MalformedReferenceFileException {
        Matcher d = DATE.matcher(edition);
        if (d.find()) {
            try {
                return LocalDate.parse(d.group(1) + "-" + d.group(2) + "-" + d.group(3));
            } catch (DateTimeParseException e) {
                // not a date after all: try the year
            }
        }
        String example = carrier.toLowerCase(Locale.ROOT) + "_zones_2026-01-05.csv";
        Matcher y = YEAR.matcher(edition);
        if (y.find()) {
            int year = Integer.parseInt(y.group(1));
            return RateEditions.of(carrier, year).map(RateEditions.Edition::from).orElseThrow(() ->
                    new MalformedReferenceFileException(run.file, 0, "the effective day of " + carrier + "'s " + year
                            + " zone chart is not known: name the file with it, e.g. " + example));
        }
        throw new MalformedReferenceFileException(run.file, 0, "a " + carrier + " zone chart that does not say its "
                + "edition: zones change with the yearly rates, so name the file with the day it took effect or its "
                + "rate year, e.g. " + example);
    }

    /** Every chart stored in the index, rebuilt from its blocks; refused blocks fail the open, naming the chart. */
    static ZoneCharts read(IndexReader reader) throws IOException {
        Map<String, List<ZoneBlock>> blocks = new LinkedHashMap<>();
        Map<String, Payload> meta = new LinkedHashMap<>();
        BytesRef kind = new BytesRef(Fields.KIND_ZONE_BLOCK);
        for (LeafReaderContext ctx : reader.leaves()) {
            PostingsEnum postings = ctx.reader().postings(new Term(Fields.KIND, kind), PostingsEnum.NONE);
            if (postings == null) {
                continue;
            }
            Bits live = ctx.reader().getLiveDocs();
            BinaryDocValues payloads = ctx.reader().getBinaryDocValues(Payload.FIELD);
            BinaryDocValues cells = ctx.reader().getBinaryDocValues(CELLS);
            for (int doc = postings.nextDoc(); doc != PostingsEnum.NO_MORE_DOCS; doc = postings.nextDoc()) {
                if (live != null && !live.get(doc) || payloads == null || cells == null
                        || !payloads.advanceExact(doc) || !cells.advanceExact(doc)) {
                    continue;
                }
                Payload p = Payload.decode(payloads.binaryValue());
                BytesRef b = cells.binaryValue();
                String key = p.get("carrier") + "|" + p.get("from");
                meta.putIfAbsent(key, p);
                blocks.computeIfAbsent(key, k -> new ArrayList<>()).add(new ZoneBlock(p.get("origin"),
                        p.get("codes"), java.util.Arrays.copyOfRange(b.bytes, b.offset, b.offset + b.length)));
            }
        }
        if (blocks.isEmpty()) {
            return ZoneCharts.EMPTY;
        }
        List<ZoneChart> charts = new ArrayList<>();
        for (Map.Entry<String, List<ZoneBlock>> e : blocks.entrySet()) {
            Payload p = meta.get(e.getKey());
            charts.add(ZoneCharts.fromBlocks(ZoneCharts.ChartLayout.valueOf(p.get("layout")), p.get("carrier"),
                    LocalDate.parse(p.get("from")), p.get("edition"), List.of(p.get("series").split(" ")),
                    e.getValue()));
        }
        return new ZoneCharts(charts, RateEditions::nextAfter);
    }
}
