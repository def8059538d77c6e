package org.shipaudit.bench;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.shipaudit.reference.ReferenceIndex;
import org.shipaudit.reference.screening.ScreeningHit;
import org.shipaudit.reference.screening.ScreeningQuery;
import org.shipaudit.reference.screening.ScreeningThresholds;

/**
 * {@code bench screening}: recall on variants of listed names (each must find its own entry), false positives on
 * ordinary names (any hit counts), at several thresholds, and the latency of one screening call. Single-threaded.
 */
public final class ScreeningBench {
    /**
     * Hits looked at per query: a name such as "Abu al-Masri" fits several entries equally, and a screener shows
     * them all; a variant counts as found when its own entry is among them.
     */
    static final int HITS = 10;
    static final double[] THRESHOLDS = {0.80, 0.82, 0.84, 0.85, 0.86, 0.88, 0.90, 0.92, 0.94};

    private ScreeningBench() {
    }

    /**
     * What one run measured: recall and false-positive rate (0..1) at each of {@link #THRESHOLDS}, and the count of
     * variants and ordinary names behind them.
     */
    public record Result(int positives, int negatives, double[] recall, double[] falsePositiveRate) {

        /** The index of {@code threshold} in {@link #THRESHOLDS}. */
        public static int at(double threshold) {
            for (int i = 0; i < THRESHOLDS.length; i++) {
                if (Math.abs(THRESHOLDS[i] - threshold) < 1e-9) {
                    return i;
                }
            }
            throw new IllegalArgumentException("not a benchmark threshold: " + threshold);
        }
    }

    /** Runs and prints; returns null when the index holds no list. */
    public static Result run(ReferenceIndex index, PrintWriter out, int names, int negatives, long seed,
                             ScreeningThresholds configured) {
        return run(index, out, names, negatives, seed, configured, null);
    }

    /**
     * As above; {@code details}, when not null, gets one tab-separated line per variant scoring under the top
     * threshold and per ordinary name with any hit, for analysing what is missed and what is flagged.
     */
    public static Result run(ReferenceIndex index, PrintWriter out, int names, int negatives, long seed,
                             ScreeningThresholds configured, PrintWriter details) {
        return run(index, out, names, negatives, seed, configured, details, false);
    }

    /**
     * As above; with {@code groupFalsePositives}, also prints the ordinary names flagged at {@code
     * configured.possible()} grouped by why they matched ({@link FalsePositiveGroups}).
     */
    public static Result run(ReferenceIndex index, PrintWriter out, int names, int negatives, long seed,
                             ScreeningThresholds configured, PrintWriter details, boolean groupFalsePositives) {
        return run(index, out, names, negatives, seed, configured, details, groupFalsePositives, false);
    }

    /**
     * As above; with {@code withCountries}, each party also gives a country and city ({@link PartyPlaces}), so the
     * country and city corroboration is measured, and each query is screened by name alone too (untimed) to count
     * what the place moved across {@code configured.possible()}. The names are the same either way.
     */
    public static Result run(ReferenceIndex index, PrintWriter out, int names, int negatives, long seed,
                             ScreeningThresholds configured, PrintWriter details, boolean groupFalsePositives,
                             boolean withCountries) {
        List<ReferenceIndex.ListedNameSample> listed = index.sampleListedNames(names, seed).stream()
                .filter(s -> !"WEAK".equals(s.quality())
                        && ("individual".equals(s.type()) || "entity".equals(s.type()))).toList();
        if (listed.isEmpty()) {
            return null;
        }
        LocalDate day = null; // every entry, expired orders too: recall is about names
        double floor = THRESHOLDS[0];
        NameVariants variants = new NameVariants(seed);
        PartyPlaces places = withCountries ? new PartyPlaces(seed + 3) : null;
        // See tally: counts of what the places did to the positives and to the negatives.
        int[] positivePlaces = new int[PLACE_COUNTS];
        int[] negativePlaces = new int[PLACE_COUNTS];
        Histogram latency = new Histogram(3);
        int[] found = new int[THRESHOLDS.length];
        Map<NameVariants.Kind, int[]> byKind = new EnumMap<>(NameVariants.Kind.class);
        int positives = 0;
        java.util.List<String> misses = new java.util.ArrayList<>();
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        Histogram cpuTime = new Histogram(3);
        // Warm-up: the JIT and the index pages, on names not counted.
        for (OrdinaryNames.Ordinary n : OrdinaryNames.generate(2000, seed + 1)) {
            index.screen(new ScreeningQuery(n.name(), null, null, null, null, day, floor, 5));
        }
        for (ReferenceIndex.ListedNameSample s : listed) {
            for (NameVariants.Variant v : variants.of(s.name(), "entity".equals(s.type()))) {
                PartyPlaces.Place place = places == null ? PartyPlaces.Place.NONE : places.forListed(s);
                long c0 = cpu.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                List<ScreeningHit> hits = index.screen(new ScreeningQuery(v.name(), place.country(), place.city(), null,
                        null, day, floor, HITS));
                latency.recordValue(System.nanoTime() - t0);
                cpuTime.recordValue(Math.max(1, cpu.getCurrentThreadCpuTime() - c0));
                double score = ownScore(hits, s);
                if (places != null) {
                    double nameOnly = ownScore(index.screen(new ScreeningQuery(v.name(), null, null, null, null, day,
                            floor, HITS)), s);
                    tally(positivePlaces, place, own(hits, s), nameOnly, score, configured.possible());
                }
                positives++;
                int[] k = byKind.computeIfAbsent(v.kind(), x -> new int[2 + THRESHOLDS.length]);
                k[0]++;
                for (int i = 0; i < THRESHOLDS.length; i++) {
                    k[2 + i] += score >= THRESHOLDS[i] ? 1 : 0;
                }
                if (score >= configured.possible()) {
                    k[1]++;
                } else if (misses.size() < 12 && v.kind() != NameVariants.Kind.EXACT) {
                    misses.add(v.kind() + " '" + v.name() + "' for " + s.list() + " " + s.entryId() + " '" + s.name()
                            + "' scored " + score);
                }
                for (int i = 0; i < THRESHOLDS.length; i++) {
                    if (score >= THRESHOLDS[i]) {
                        found[i]++;
                    }
                }
                if (details != null && score < THRESHOLDS[THRESHOLDS.length - 1]) {
                    ScreeningHit top = hits.isEmpty() ? null : hits.get(0);
                    details.printf(java.util.Locale.ROOT, "MISS\t%s\t%.3f\t%s\t%s %s\t%s\t%s%n", v.kind(), score,
                            v.name(), s.list(), s.entryId(), s.name(),
                            top == null ? "" : top.matchedName() + " " + top.score());
                }
            }
        }
        int[] falsePositives = new int[THRESHOLDS.length];
        List<OrdinaryNames.Ordinary> ordinary = OrdinaryNames.generate(negatives, seed + 2);
        java.util.List<String> examples = new java.util.ArrayList<>();
        // Per origin: [0] names, [1 + i] flagged at THRESHOLDS[i]; and the names a listed one equals word for word
        // (score 1 before corroboration), which no screener can tell apart by name alone.
        Map<OrdinaryNames.Origin, int[]> byOrigin = new EnumMap<>(OrdinaryNames.Origin.class);
        int identical = 0;
        FalsePositiveGroups groups = groupFalsePositives ? new FalsePositiveGroups(index.screeningRarity()) : null;
        PartyPlaces customerPlaces = withCountries ? new PartyPlaces(seed + 4) : null;
        for (OrdinaryNames.Ordinary o : ordinary) {
            String n = o.name();
            PartyPlaces.Place place = customerPlaces == null ? PartyPlaces.Place.NONE : customerPlaces.forOrdinary(o.origin());
            long c0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            List<ScreeningHit> hits = index.screen(new ScreeningQuery(n, place.country(), place.city(), null, null, day,
                    floor, HITS));
            latency.recordValue(System.nanoTime() - t0);
            cpuTime.recordValue(Math.max(1, cpu.getCurrentThreadCpuTime() - c0));
            double best = hits.isEmpty() ? 0 : hits.get(0).score();
            if (customerPlaces != null) {
                List<ScreeningHit> alone = index.screen(new ScreeningQuery(n, null, null, null, null, day, floor, HITS));
                tally(negativePlaces, place, hits.isEmpty() ? null : hits.get(0), alone.isEmpty() ? 0
                        : alone.get(0).score(), best, configured.possible());
            }
            int[] origin = byOrigin.computeIfAbsent(o.origin(), x -> new int[1 + THRESHOLDS.length]);
            origin[0]++;
            for (int i = 0; i < THRESHOLDS.length; i++) {
                if (best >= THRESHOLDS[i]) {
                    falsePositives[i]++;
                    origin[1 + i]++;
                }
            }
            identical += best >= 1.0 ? 1 : 0;
            if (groups != null && best >= configured.possible()) {
                groups.add(o, hits.get(0));
            }
            if (details != null && !hits.isEmpty()) {
                ScreeningHit top = hits.get(0);
                details.printf(java.util.Locale.ROOT, "FP\t%.3f\t%s\t%s\t%s %s\t%s\t%s%n", best, o.origin(), n, top.list(),
                        top.entryId(), top.matchedName(), top.reasons().get(0));
            }
            if (best >= configured.possible() && examples.size() < 8) {
                examples.add(n + " ~ " + hits.get(0).matchedName() + " " + hits.get(0).score());
            }
        }
        out.printf("listed names sampled %,d, positives (variants) %,d, negatives (ordinary names) %,d%n",
                listed.size(), positives, ordinary.size());
        if (withCountries) {
            printPlaces(out, "positives", positivePlaces, configured.possible());
            printPlaces(out, "negatives", negativePlaces, configured.possible());
        }
        out.printf("%-10s %10s %12s%n", "threshold", "recall", "false pos.");
        for (int i = 0; i < THRESHOLDS.length; i++) {
            String mark = THRESHOLDS[i] == configured.possible() ? "  <- screening.possible (WARN)"
                    : THRESHOLDS[i] == configured.strong() ? "  <- screening.strong (BLOCK)" : "";
            out.printf("%-10.2f %9.2f%% %11.2f%%%s%n", THRESHOLDS[i], 100.0 * found[i] / positives,
                    100.0 * falsePositives[i] / ordinary.size(), mark);
        }
        out.println("recall at screening.possible by kind of variation:");
        byKind.forEach((k, v) -> out.printf("  %-18s %6d  %6.2f%%%n", k, v[0], 100.0 * v[1] / v[0]));
        out.printf("recall by kind at each threshold:%n  %-18s", "");
        for (double t : THRESHOLDS) {
            out.printf(" %6.2f", t);
        }
        out.println();
        byKind.forEach((k, v) -> {
            out.printf("  %-18s", k);
            for (int i = 0; i < THRESHOLDS.length; i++) {
                out.printf(" %6.1f", 100.0 * v[2 + i] / v[0]);
            }
            out.println();
        });
        out.printf("false positives by origin of the ordinary name at each threshold:%n  %-28s", "");
        for (double t : THRESHOLDS) {
            out.printf(" %6.2f", t);
        }
        out.println();
        byOrigin.forEach((k, v) -> {
            out.printf("  %-28s", k + " (" + v[0] + ")");
            for (int i = 0; i < THRESHOLDS.length; i++) {
                out.printf(" %5.2f%%", 100.0 * v[1 + i] / v[0]);
            }
            out.println();
        });
        out.printf("ordinary names equal word for word to a listed name (score 1.00): %d%n", identical);
        if (!examples.isEmpty()) {
            out.println("ordinary names flagged (examples): " + String.join("; ", examples));
        }
        if (groups != null) {
            groups.print(out, configured.possible(), ordinary.size());
        }
        if (!misses.isEmpty()) {
            out.println("variants missed at screening.possible (examples):");
            misses.forEach(m -> out.println("  " + m));
        }
        // CPU time is what the call costs; wall time adds the waits for a core on a shared, loaded machine.
        out.printf("cpu time per party (microseconds): p50 %.0f, p99 %.0f, p99.9 %.0f%n",
                cpuTime.getValueAtPercentile(50) / 1000.0, cpuTime.getValueAtPercentile(99) / 1000.0,
                cpuTime.getValueAtPercentile(99.9) / 1000.0);
        out.printf("wall time per party (microseconds): p50 %.0f, p99 %.0f, p99.9 %.0f, max %.0f (%,d calls)%n",
                latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0,
                latency.getValueAtPercentile(99.9) / 1000.0, latency.getMaxValue() / 1000.0, latency.getTotalCount());
        out.flush();
        if (details != null) {
            details.flush();
        }
        double[] recall = new double[THRESHOLDS.length];
        double[] fpr = new double[THRESHOLDS.length];
        for (int i = 0; i < THRESHOLDS.length; i++) {
            recall[i] = (double) found[i] / positives;
            fpr[i] = (double) falsePositives[i] / ordinary.size();
        }
        return new Result(positives, ordinary.size(), recall, fpr);
    }

    /** The best hit on the sampled name's own entry, or null. */
    private static ScreeningHit own(List<ScreeningHit> hits, ReferenceIndex.ListedNameSample s) {
        return hits.stream().filter(h -> h.list().name().equals(s.list()) && h.entryId().equals(s.entryId()))
                .max(java.util.Comparator.comparingDouble(ScreeningHit::score)).orElse(null);
    }

    private static double ownScore(List<ScreeningHit> hits, ReferenceIndex.ListedNameSample s) {
        ScreeningHit own = own(hits, s);
        return own == null ? 0 : own.score();
    }

    /**
     * Slots of {@link #tally}: parties with a country, with a city; raised to possible by the place, taken under it;
     * of those at or above possible with the place, the country agreeing, disagreeing, no country evidence (none
     * given or the entry names none), the city agreeing; of those disagreeing, the name-only score under 0.85, 0.90,
     * 0.95 and above (how far a contradiction would have to reach to clear them).
     */
    private static final int PLACE_COUNTS = 12;

    private static void tally(int[] counts, PartyPlaces.Place place, ScreeningHit hit, double nameOnly,
                              double withPlace, double possible) {
        counts[0] += place.country() != null ? 1 : 0;
        counts[1] += place.city() != null ? 1 : 0;
        counts[2] += nameOnly < possible && withPlace >= possible ? 1 : 0;
        counts[3] += nameOnly >= possible && withPlace < possible ? 1 : 0;
        if (hit == null || withPlace < possible) {
            return;
        }
        if (place.country() == null || hit.countries().isEmpty()) {
            counts[6]++;
        } else if (hit.countries().contains(place.country())) {
            counts[4]++;
        } else {
            counts[5]++;
            counts[nameOnly < 0.85 ? 8 : nameOnly < 0.90 ? 9 : nameOnly < 0.95 ? 10 : 11]++;
        }
        counts[7] += hit.reasons().stream().anyMatch(r -> r.startsWith("address: city")) ? 1 : 0;
    }

    private static void printPlaces(PrintWriter out, String what, int[] c, double possible) {
        out.printf(java.util.Locale.ROOT, "with countries, %s: with a country %,d, with a city %,d; raised to %.2f by "
                + "the place %d, taken under it %d; at %.2f the country agrees %d, disagrees %d (name alone under "
                + "0.85 %d, 0.90 %d, 0.95 %d, above %d), no country evidence %d; the city agrees %d%n", what, c[0], c[1],
                possible, c[2], c[3], possible, c[4], c[5], c[8], c[9], c[10], c[11], c[6], c[7]);
    }
}
