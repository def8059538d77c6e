package org.shipaudit.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import org.shipaudit.reference.ReferenceIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shipaudit bench reference}: latency of exact look-ups and tariff text search on an imported index, and the
 * heap the open index holds. Single-threaded, after a warm-up; times are per call, in microseconds.
 */
@Command(name = "reference", mixinStandardHelpOptions = true,
        description = "Benchmark reference look-ups (tariff code, UN number, postal code) and tariff text search.")
public final class BenchReferenceCommand implements Callable<Integer> {
    /** Realistic commercial-invoice descriptions; fixed so runs compare. */
    static final List<String> DESCRIPTIONS = List.of(
            "cotton t-shirt", "men's cotton knit t-shirt", "women's polyester dress", "denim jeans",
            "wool sweater", "hoodie sweatshirt cotton", "baby romper cotton", "socks", "leather handbag",
            "canvas backpack", "leather wallet", "running shoes", "leather boots", "rubber sandals",
            "lithium ion battery", "power bank", "laptop computer", "tablet computer", "smartphone",
            "wireless earbuds", "bluetooth speaker", "usb cable", "phone case plastic", "led light bulb",
            "smart watch", "digital camera", "video game console", "ceramic coffee mug", "glass drinking bottle",
            "stainless steel water bottle", "kitchen knife", "plastic food container", "perfume", "lipstick",
            "shampoo", "face cream", "toothbrush", "vitamin supplements", "coffee beans roasted",
            "green tea", "chocolate bar", "olive oil", "plush toy", "board game", "bicycle", "yoga mat",
            "sunglasses", "wristwatch", "silver necklace", "printed books");

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", defaultValue = "./data", description = "Data directory (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "-n", defaultValue = "100000", description = "Exact look-ups to time (default: ${DEFAULT-VALUE}).")
    int lookups;

    @Option(names = "--searches", defaultValue = "20000", description = "Text searches to time (default: ${DEFAULT-VALUE}).")
    int searches;

    @Option(names = "--schedule", defaultValue = "HTSUS", description = "Schedule for text search (default: ${DEFAULT-VALUE}).")
    String schedule;

    @Option(names = "--warmup", defaultValue = "20000", description = "Warm-up calls of each kind (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        long before = usedHeapAfterGc();
        try (ReferenceIndex index = ReferenceIndex.open(ReferenceCommand.indexDir(dataDir))) {
            List<ReferenceIndex.SampleKey> keys = index.sampleKeys(3000, 42);
            if (keys.isEmpty()) {
                out.println("The index is empty: import reference data first.");
                out.flush();
                return 1;
            }
            Histogram tariff = new Histogram(3);
            Histogram hazmat = new Histogram(3);
            Histogram postal = new Histogram(3);
            Histogram all = new Histogram(3);
            Histogram search = new Histogram(3);
            long sink = 0;
            for (int i = 0; i < warmup; i++) {
                sink += lookup(index, keys.get(i % keys.size()));
                if (i % 4 == 0) {
                    sink += index.searchTariff(DESCRIPTIONS.get(i % DESCRIPTIONS.size()), schedule, 10).size();
                }
            }
            for (int i = 0; i < lookups; i++) {
                ReferenceIndex.SampleKey k = keys.get(i % keys.size());
                // Exact answers are remembered too: time the index, as for a key not asked for lately.
                index.clearAnswers();
                long t0 = System.nanoTime();
                sink += lookup(index, k);
                long ns = System.nanoTime() - t0;
                all.recordValue(ns);
                switch (k.kind()) {
                    case "tariff" -> tariff.recordValue(ns);
                    case "hazmat" -> hazmat.recordValue(ns);
                    default -> postal.recordValue(ns);
                }
            }
            Histogram cached = new Histogram(3);
            for (int i = 0; i < searches; i++) {
                // Uncached: the real Lucene search, as for a description the service has not seen lately.
                index.clearSearchCache();
                long t0 = System.nanoTime();
                sink += index.searchTariff(DESCRIPTIONS.get(i % DESCRIPTIONS.size()), schedule, 10).size();
                search.recordValue(System.nanoTime() - t0);
                // Cached: the same description again, as for a SKU that ships all day.
                long t1 = System.nanoTime();
                sink += index.searchTariff(DESCRIPTIONS.get(i % DESCRIPTIONS.size()), schedule, 10).size();
                cached.recordValue(System.nanoTime() - t1);
            }
            long after = usedHeapAfterGc();
            out.printf("%-28s %10s %10s %10s %10s %10s%n", "operation (microseconds)", "count", "p50", "p99",
                    "p99.9", "max");
            row(out, "tariff code look-up", tariff);
            row(out, "UN number look-up", hazmat);
            row(out, "postal code look-up", postal);
            row(out, "all exact look-ups", all);
            row(out, "text search " + schedule + " top 10", search);
            row(out, "same search again (cached)", cached);
            out.printf("heap held by the open index: %.1f MB (used heap after GC, open minus before)%n",
                    (after - before) / 1048576.0);
            out.printf("sources: %d, bundled sample only: %s (checksum %d)%n", index.coverage().sources().size(),
                    index.coverage().bundledOnly(), sink % 10);
        }
        out.flush();
        return 0;
    }

    private static int lookup(ReferenceIndex index, ReferenceIndex.SampleKey k) {
        return switch (k.kind()) {
            case "tariff" -> index.tariff(k.first(), k.second()).isPresent() ? 1 : 0;
            case "hazmat" -> index.hazmat(k.first()).size();
            default -> index.postalPlaces(k.first(), k.second()).size();
        };
    }

    private static void row(PrintWriter out, String name, Histogram h) {
        if (h.getTotalCount() == 0) {
            return;
        }
        out.printf("%-28s %10d %10.1f %10.1f %10.1f %10.1f%n", name, h.getTotalCount(),
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed();
    }
}
