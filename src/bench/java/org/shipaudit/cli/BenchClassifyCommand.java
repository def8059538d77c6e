package org.shipaudit.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.shipaudit.bench.ClassifyBench;
import org.shipaudit.bench.ClassifyCase;
import org.shipaudit.bench.ClassifyEngine;
import org.shipaudit.bench.ClassifyReport;
import org.shipaudit.bench.ReportTable;
import org.shipaudit.json.Mappers;
import org.shipaudit.reference.ClassifyRequest;
import org.shipaudit.reference.ReferenceIndex;
import org.shipaudit.reference.TariffClassification;
import org.shipaudit.reference.TariffLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shipaudit bench classify [FILE...]}: how well tariff classification answers real product descriptions.
 * Without files, the two development halves under {@code ../shared/reference-data/classification} are measured.
 * Exit 0 when every goal is met, 1 otherwise (2 when nothing could be measured).
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Measure tariff classification on labelled descriptions (HSCodeComp JSONL, HMRC parcel CSV).")
public final class BenchClassifyCommand implements Callable<Integer> {
    static final Path SHARED = Path.of("..", "shared", "reference-data", "classification");
    static final List<Path> DEFAULT_FILES = List.of(SHARED.resolve("hscodecomp_dev_half.jsonl"),
            SHARED.resolve("uk_hmrc_parcel_descriptions_dev_half.csv"));

    /** What answers the descriptions: the ranked keyword search of {@code /tariff/search}, or the classifier. */
    enum Engine { search, classifier }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "labelled files (default: the shared dev halves)")
    List<Path> files = new ArrayList<>();

    @Option(names = "--data-dir", defaultValue = "./data", description = "Data directory (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--schedule", description = "Schedule to classify in (default: HTSUS for JSONL, EU_CN for the HMRC CSV).")
    String schedule;

    @Option(names = "--engine", defaultValue = "classifier", description = "search or classifier (default: ${DEFAULT-VALUE}).")
    Engine engine;

    @Option(names = "--title-only", description = "Ignore the listings' category paths and attributes.")
    boolean titleOnly;

    @Option(names = "--compare-search", description = "also time the classifier against the keyword search on the same"
            + " cases in alternation and print the cost ratio (the machine's load weighs on both alike)")
    boolean compareSearch;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the figures as JSON (one array)")
    Path json;

    @Option(names = "--fold", defaultValue = "all", description = "all, odd or even: only the cases on odd (1, 3, ...)"
            + " or even line numbers of each file, to tune on one half and report the other untouched"
            + " (default: ${DEFAULT-VALUE})")
    Fold fold;

    @Option(names = "--answers", paramLabel = "FILE", description = "also write, per case, the expected code, the"
            + " classifier's headings with their confidence, subheadings and analysis as JSON lines (FILE.<layout>.jsonl;"
            + " for error analysis)")
    Path answers;

    /** Which cases of a file are measured: line-number parity splits a file into two folds. */
    enum Fold {
        all, odd, even;

        <T> List<T> of(List<T> cases) {
            if (this == all) {
                return cases;
            }
            List<T> out = new ArrayList<>();
            for (int i = this == odd ? 0 : 1; i < cases.size(); i += 2) {
                out.add(cases.get(i));
            }
            return out;
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> todo = files.isEmpty() ? DEFAULT_FILES.stream().filter(Files::isRegularFile).toList() : files;
        if (todo.isEmpty()) {
            out.println("No labelled file given and none at " + SHARED + ".");
            out.flush();
            return 2;
        }
        List<ClassifyReport> reports = new ArrayList<>();
        try (ReferenceIndex index = ReferenceIndex.open(ReferenceCommand.indexDir(dataDir))) {
            for (Path file : todo) {
                ClassifyCase.Layout layout = ClassifyCase.layout(file);
                String s = schedule != null ? schedule.toUpperCase(java.util.Locale.ROOT)
                        : layout == ClassifyCase.Layout.HSCODECOMP_JSONL ? "HTSUS" : "EU_CN";
                if (!index.coverage().has("tariff:" + s)) {
                    out.println("Schedule " + s + " is not loaded in " + dataDir + ": import the official tariff first.");
                    out.flush();
                    return 2;
                }
                List<ClassifyCase> cases = fold.of(ClassifyCase.read(file));
                if (titleOnly) {
                    cases = cases.stream().map(c -> new ClassifyCase(c.text(), List.of(), java.util.Map.of(),
                            c.expected())).toList();
                }
                boolean fullLine = "HTSUS".equals(s) && layout == ClassifyCase.Layout.HSCODECOMP_JSONL;
                ClassifyReport r = ClassifyBench.run(engine(index, s, engine), engine.name() + (titleOnly ? " (title only)" : "")
                        + (fold == Fold.all ? "" : " (" + fold + " lines)"), cases, file, layout, s, fullLine);
                ReportTable.print(r, out);
                if (compareSearch) {
                    double ratio = ClassifyBench.costRatio(engine(index, s, Engine.classifier),
                            engine(index, s, Engine.search), cases, 3);
                    out.printf("cost per case, classifier / keyword search, in alternation over 3 rounds: %.2f "
                            + "(load average now %.2f)%n", ratio, java.lang.management.ManagementFactory
                            .getOperatingSystemMXBean().getSystemLoadAverage());
                }
                if (answers != null) {
                    writeAnswers(index, s, cases, answers.resolveSibling(answers.getFileName() + "." + layout.name()
                            .toLowerCase(java.util.Locale.ROOT) + ".jsonl"), out);
                }
                out.println();
                reports.add(r);
            }
        }
        if (json != null) {
            Mappers.json().writerWithDefaultPrettyPrinter().writeValue(json.toFile(), reports);
            out.println("figures written to " + json);
        }
        out.flush();
        boolean allMet = reports.stream().flatMap(r -> r.goals().stream()).allMatch(g -> !Boolean.FALSE.equals(g.met()));
        return allMet ? 0 : 1;
    }

    private static ClassifyEngine engine(ReferenceIndex index, String s, Engine engine) {
        return switch (engine) {
            case search -> c -> {
                index.clearSearchCache();
                return answer(index.searchTariff(c.text(), s, 50));
            };
            case classifier -> ClassifyEngine.classifier(index, s);
        };
    }

    /** One JSON line per case: what was expected, what the classifier answered (rank 0: not in its headings), why. */
    private static void writeAnswers(ReferenceIndex index, String schedule, List<ClassifyCase> cases, Path to,
                                    PrintWriter out) throws java.io.IOException {
        var json = Mappers.json();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            ClassifyCase c = cases.get(i);
            TariffClassification r = index.classifyTariff(new ClassifyRequest(c.text(), c.category(), c.attributes(),
                    schedule));
            String heading = c.expected().substring(0, 4);
            var n = json.createObjectNode();
            n.put("case", i + 1);
            n.put("expected", c.expected());
            n.put("rank", r.headingCodes().indexOf(heading) + 1);
            n.put("text", c.text());
            n.put("category", String.join(" > ", c.category()));
            var headings = n.putArray("headings");
            r.headings().forEach(h -> headings.addArray().add(h.code()).add(h.confidence()));
            n.putPOJO("subheadings", r.subheadingCodes().stream().limit(5).toList());
            var chapters = n.putArray("chapters");
            r.chapters().forEach(ch -> chapters.addArray().add(ch.chapter()).add(ch.share()));
            n.put("nounsKnown", r.nounsKnown());
            n.put("topScore", r.headings().isEmpty() ? 0 : r.headings().get(0).score());
            n.put("abstention", r.abstention());
            n.putPOJO("terms", r.analysis().terms());
            n.putPOJO("why", r.headings().isEmpty() ? List.of() : r.headings().get(0).reasons());
            lines.add(json.writeValueAsString(n));
        }
        Files.write(to, lines);
        out.println(lines.size() + " answers written to " + to);
    }

    /** Headings and subheadings in the order their first line appears. */
    static ClassifyEngine.Answer answer(List<TariffLine> lines) {
        Set<String> headings = new LinkedHashSet<>();
        Set<String> subs = new LinkedHashSet<>();
        for (TariffLine l : lines) {
            String d = l.code().replaceAll("\\D", "");
            if (d.length() >= 4) {
                headings.add(d.substring(0, 4));
            }
            if (d.length() >= 6) {
                subs.add(d.substring(0, 6));
            }
        }
        String first = lines.isEmpty() ? null : lines.get(0).code().replaceAll("\\D", "");
        return new ClassifyEngine.Answer(List.copyOf(headings), List.copyOf(subs), first, false);
    }
}
