package org.shipaudit.rules;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderConfiguration;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.conf.ParallelRulesBuildThresholdOption;
import org.kie.internal.builder.conf.PropertySpecificOption;
import org.kie.internal.io.ResourceFactory;
import org.shipaudit.json.Mappers;

/**
 * Compiles a pack's files into a {@link RulePack}: {@code drl/*.drl} as DRL, {@code tables/*.xlsx} and
 * {@code tables/*.csv} as decision tables (first turned into DRL text, which is kept so a reviewer can read a
 * spreadsheet change as text), {@code scenarios/*.yaml} parsed. Uses the classic DRL build, which reports type errors
 * with their line. At most one compile per core runs at a time (start-up compiles every pack at once); the running
 * service compiles one at a time on the {@link BuildLane}.
 */
public final class RulePackCompiler {

    /**
     * Bounds concurrent compiles to the cores: Drools' compiler is memory-hungry, and more compiles than cores only
     * queue for CPU while holding their memory.
     */
    private static final java.util.concurrent.Semaphore COMPILES =
            new java.util.concurrent.Semaphore(Runtime.getRuntime().availableProcessors());
    private static final Pattern SOURCE_COMMENT = Pattern.compile("^\\s*//\\s*Source:\\s*(.+)$");
    private static final Pattern CONTINUED_COMMENT = Pattern.compile("^\\s*//\\s*(\\S.*)$");
    private static final Pattern RULE_START = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"");
    /** The spreadsheet compiler writes {@code // rule values at B10, header at B5} above each generated rule. */
    private static final Pattern TABLE_ROW = Pattern.compile("// rule values at ([A-Z]+\\d+)");
    /** A table row's source: the action's {@code citing("...")} or {@code @source(...)} metadata. */
    private static final Pattern CITED = Pattern.compile("\\.citing\\(\"[^\"]*\\S[^\"]*\"\\)|@source\\(\\s*\"?\\s*[^\\s\")]");
    private static final Pattern EMPTY_TABLE_RULE = Pattern.compile(
            "// rule values at ([A-Z]+\\d+)[^\\n]*\\n\\s*rule \"[^\"]*\"\\s*when\\s*then\\s*end");
    private RulePackCompiler() {
    }

    /** Compiles a pack under the version its pack.yaml declares. */
    public static RulePack compile(PackFiles pack) {
        return compile(pack, null);
    }

    /**
     * Compiles a pack.
     *
     * @param version the version to give it (assigned by the store); null for the one pack.yaml declares
     * @throws RulePackException with every error found
     */
    public static RulePack compile(PackFiles pack, String version) {
        return compile(pack, version, PackCache.none());
    }

    /**
     * Compiles a pack, or loads it from {@code cache} when this build compiled exactly these files before (and stores
     * it there when not): the tables' DRL and the KieBase are then read, not made, and the checks that passed on
     * these files when the entry was stored are not repeated; the scenarios are parsed either way.
     */
    public static RulePack compile(PackFiles pack, String version, PackCache cache) {
        if (!Boolean.getBoolean(SHARE_PROPERTY)) {
            return compileNow(pack, version, cache);
        }
        String key = pack.packName() + "\u0000" + pack.contentHash();
        RulePack compiled;
        synchronized (COMPILED) {
            compiled = COMPILED.get(key);
        }
        if (compiled == null) {
            compiled = compileNow(pack, version, cache);
            synchronized (COMPILED) {
                COMPILED.put(key, compiled);
            }
        }
        String v = version != null ? version : compiled.manifest().version() != null ? compiled.manifest().version() : "1";
        return new RulePack(compiled.manifest(), v, pack.contentHash(), pack, compiled.kieBase(), compiled.rules(),
                compiled.generatedDrl(), compiled.scenarios(), compiled.effectivePeriods(),
                new SessionPool(compiled.kieBase()), compiled.factTypes());
    }

    /**
     * Set {@value #SHARE_PROPERTY} to {@code true} (the test run does, in the pom) to compile each pack content once
     * per JVM: dozens of test classes start a service or load the shipped packs, and compiling the 12 packs is seconds
     * each time. A KieBase is immutable once built and shared by concurrent sessions anyway, so sharing it between
     * services in one JVM changes nothing they can see; each gets its own version and session pool. Off in the
     * service, where each version is compiled once and an unbounded cache would only hold old versions' memory. Read
     * at each compile, so a test of what the service frees (DeployLeakIT) can turn it off for its own run.
     */
    static final String SHARE_PROPERTY = "shipaudit.rules.share-compiled";
    /** By pack name and content hash; the oldest is dropped past 64 (hostile-pack tests compile many variants). */
    private static final Map<String, RulePack> COMPILED = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RulePack> eldest) {
            return size() > 64;
        }
    };

    private static RulePack compileNow(PackFiles pack, String version, PackCache cache) {
        List<CompileError> errors = new ArrayList<>();
        PackManifest manifest = manifest(pack, errors);
        String key = cache.enabled() && errors.isEmpty() ? PackCache.key(pack.packName(), pack.contentHash()) : null;
        PackCache.Entry cached = key == null ? null
                : cache.load(pack.packName(), key, new SandboxClassLoader(RulePackCompiler.class.getClassLoader()));
        Map<String, String> drlSources = new LinkedHashMap<>();
        Map<String, String> generated = new LinkedHashMap<>();
        if (cached != null) {
            // This build compiled exactly these files before and every check below passed on them (an entry is
            // stored only then): the tables' DRL and the KieBase are taken as they were, the checks not repeated.
            pack.files().forEach((path, bytes) -> {
                if (path.startsWith("drl/") && path.endsWith(".drl")) {
                    drlSources.put(path, new String(bytes, StandardCharsets.UTF_8));
                }
            });
            generated.putAll(cached.generatedDrl());
            drlSources.putAll(generated);
        } else {
            sources(pack, drlSources, generated, errors);
        }
        List<CompileError> unsourced = new ArrayList<>();
        if (cached == null) {
            // The allow-list check runs on the parsed sources before anything is compiled or run (no scenario, no
            // static initialiser), so a refused pack never has its code loaded.
            drlSources.forEach((path, text) -> checkSandbox(path, text, pack.files().get(path), errors));
            // A missing source is not a danger, so it does not stop the compile: it is reported with the compile errors.
            drlSources.forEach((path, text) -> checkSources(path, text, unsourced));
        }
        List<Scenario> scenarios = ScenarioLoader.load(pack, errors);
        if (!errors.isEmpty()) {
            errors.addAll(unsourced);
            throw new RulePackException(pack.packName(), errors);
        }
        KieBase kieBase = cached != null ? cached.kieBase() : build(pack.packName(), drlSources, errors);
        errors.addAll(unsourced);
        if (!errors.isEmpty()) {
            throw new RulePackException(pack.packName(), errors);
        }
        List<RuleInfo> rules = describe(kieBase, drlSources);
        Map<String, EffectivePeriod> periods = effectivePeriods(kieBase, errors);
        if (!errors.isEmpty()) {
            throw new RulePackException(pack.packName(), errors);
        }
        if (key != null && cached == null) {
            cache.store(pack.packName(), key, kieBase.getKiePackages(), generated);
        }
        String v = version != null ? version : manifest.version() != null ? manifest.version() : "1";
        // Pooled sessions keep the node and segment memories a fresh session builds on every audit (a third of an
        // audit's allocation in the JFR profile); the pool grows to the number of concurrent audits.
        return new RulePack(manifest, v, pack.contentHash(), pack, kieBase, rules, generated, scenarios, periods,
                new SessionPool(kieBase));
    }

    /** The pack's DRL: its drl/ files as they are, its tables turned into DRL (kept in {@code generated}) and checked. */
    private static void sources(PackFiles pack, Map<String, String> drlSources, Map<String, String> generated,
                                List<CompileError> errors) {
        for (Map.Entry<String, byte[]> f : pack.files().entrySet()) {
            String path = f.getKey();
            if (path.startsWith("drl/") && path.endsWith(".drl")) {
                // A pack deployed before issue 19's model split may name a moved class by its old name.
                drlSources.put(path, MovedModelTypes.rewrite(new String(f.getValue(), StandardCharsets.UTF_8)));
            } else if (path.startsWith("tables/") && (path.endsWith(".xlsx") || path.endsWith(".csv"))) {
                // As Excel would have written it (a table saved by openpyxl lacks the blank cells of its merges).
                byte[] table = path.endsWith(".xlsx") ? org.shipaudit.sheets.MergedRegions.withEveryCell(f.getValue())
                        : f.getValue();
                String drl = tableToDrl(path, table, errors);
                if (drl != null) {
                    TableCells.check(path, drl, path.endsWith(".xlsx") ? table : null, errors);
                    generated.put(path, drl);
                    drlSources.put(path, MovedModelTypes.rewrite(drl));
                }
            }
        }
        if (drlSources.isEmpty()) {
            errors.add(new CompileError("drl/", 0, "the pack has no rules: add drl/*.drl or tables/*.xlsx"));
        }
    }

    private static PackManifest manifest(PackFiles pack, List<CompileError> errors) {
        byte[] yaml = pack.get("pack.yaml");
        if (yaml == null) {
            errors.add(new CompileError("pack.yaml", 0, "missing: a pack needs pack.yaml with its name"));
            return PackManifest.unreadable(pack.packName());
        }
        try {
            PackManifest m = Mappers.yaml().readValue(yaml, PackManifest.Yaml.class).checked(errors);
            if (m.name() == null || !m.name().equals(pack.packName())) {
                errors.add(new CompileError("pack.yaml", 0, "name must be '" + pack.packName() + "' (the directory name)"));
            }
            return m;
        } catch (IOException e) {
            int line = e instanceof JsonMappingException jme && jme.getLocation() != null ? jme.getLocation().getLineNr() : 0;
            errors.add(new CompileError("pack.yaml", line, Scenario.describe(e)));
            return PackManifest.unreadable(pack.packName());
        }
    }

    private static String tableToDrl(String path, byte[] bytes, List<CompileError> errors) {
        try {
            InputType type = path.endsWith(".csv") ? InputType.CSV : InputType.XLS;
            String drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(bytes), type);
            if (drl == null || !drl.contains("rule ")) {
                errors.add(new CompileError(path, 0, "no RuleTable found: a decision table needs a RuleSet cell and a "
                        + "RuleTable header followed by CONDITION/ACTION columns"));
                return null;
            }
            // The spreadsheet parser accepts unknown header keywords silently and emits empty rules; refuse those.
            Matcher empty = EMPTY_TABLE_RULE.matcher(drl);
            boolean ok = true;
            while (empty.find()) {
                ok = false;
                errors.add(new CompileError(path, cellRow(empty.group(1)), "row " + empty.group(1) + " compiles to an "
                        + "empty rule: check the RuleTable header rows (CONDITION/ACTION keywords, object type, code "
                        + "template, labels) and that the row has values"));
            }
            return ok ? drl : null;
        } catch (RuntimeException e) {
            // The spreadsheet parser reports a wrong header as an exception naming the cell; pass its words on.
            errors.add(new CompileError(path, 0, "cannot read decision table: " + rootMessage(e)));
            return null;
        }
    }

    private static void checkSandbox(String path, String drl, byte[] table, List<CompileError> errors) {
        List<CompileError> found = new ArrayList<>();
        RuleSandbox.check(path, drl, found);
        for (CompileError e : found) {
            errors.add(path.endsWith(".drl") ? e
                    : TableCells.atRow(path, drl, path.endsWith(".xlsx") ? table : null, e.line(), e.message()));
        }
    }

    /**
     * Every rule cites what it enforces: in DRL a {@code // Source:} line above the rule, in a decision table a
     * Source cell (the action's {@code citing("...")}) or {@code @source} metadata on every row.
     */
    private static void checkSources(String path, String drl, List<CompileError> errors) {
        String[] lines = drl.split("\n", -1);
        if (path.endsWith(".drl")) {
            boolean cited = false;
            for (int i = 0; i < lines.length; i++) {
                if (SOURCE_COMMENT.matcher(lines[i]).matches()) {
                    cited = true;
                } else {
                    Matcher r = RULE_START.matcher(lines[i]);
                    if (r.find()) {
                        if (!cited) {
                            errors.add(new CompileError(path, i + 1, "rule \"" + r.group(1) + "\" has no '// Source:' "
                                    + "line above it: cite the regulation, tariff or guide it enforces"));
                        }
                        cited = false;
                    }
                }
            }
            return;
        }
        String row = null;
        boolean cited = false;
        for (String line : lines) {
            Matcher m = TABLE_ROW.matcher(line);
            if (m.find()) {
                if (row != null && !cited) {
                    errors.add(uncitedRow(path, row));
                }
                row = m.group(1);
                cited = false;
            } else if (CITED.matcher(line).find()) {
                cited = true;
            }
        }
        if (row != null && !cited) {
            errors.add(uncitedRow(path, row));
        }
    }

    private static CompileError uncitedRow(String table, String cell) {
        return new CompileError(table, cellRow(cell), "row " + cell + " has no source: fill its Source cell");
    }

    /**
     * Builds the KieBase against a {@link SandboxClassLoader}. Package-private so a test can call it without the
     * allow-list check and show that the class loader alone stops a rule that reaches a forbidden class.
     */
    static KieBase build(String packName, Map<String, String> drlSources, List<CompileError> errors) {
        COMPILES.acquireUninterruptibly();
        try {
            KnowledgeBuilderConfiguration conf = KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null,
                    new SandboxClassLoader(RulePackCompiler.class.getClassLoader()));
            // Rules never modify facts (they only insert), so property reactivity buys nothing and only makes the
            // compiler warn about constraints that join two patterns.
            conf.setOption(PropertySpecificOption.ALLOWED);
            // Past ten rules Drools builds them on its own fork-join pool, one thread per core at normal priority; a
            // compile stays on its caller's thread instead, which for a deploy is the low-priority BuildLane.
            conf.setOption(ParallelRulesBuildThresholdOption.get(-1));
            KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(conf);
            for (Map.Entry<String, String> e : drlSources.entrySet()) {
                Resource r = ResourceFactory.newByteArrayResource(e.getValue().getBytes(StandardCharsets.UTF_8));
                r.setSourcePath(e.getKey().endsWith(".drl") ? e.getKey() : e.getKey() + ".drl");
                builder.add(r, ResourceType.DRL);
            }
            if (builder.hasErrors()) {
                for (KnowledgeBuilderError err : builder.getErrors()) {
                    String file = err.getResource() != null ? err.getResource().getSourcePath() : packName;
                    int[] lines = err.getLines();
                    int line = lines != null && lines.length > 0 ? lines[0] : 0;
                    String message = err.getMessage().trim();
                    if (err instanceof org.drools.compiler.compiler.RuleBuildError rbe && file != null) {
                        line = consequenceLine(builder, rbe, drlSources.get(file.endsWith(".xlsx.drl")
                                || file.endsWith(".csv.drl") ? file.substring(0, file.length() - 4) : file), line);
                    }
                    if (file != null && (file.endsWith(".xlsx.drl") || file.endsWith(".csv.drl"))) {
                        // Point the author at the spreadsheet row, not at a line of DRL they never wrote.
                        file = file.substring(0, file.length() - 4);
                        String cell = tableCellAt(drlSources.get(file), line);
                        if (cell != null) {
                            message = "row " + cell + ": " + message;
                            line = cellRow(cell);
                        }
                    }
                    errors.add(new CompileError(file, line, message));
                }
                return null;
            }
            return builder.newKieBase();
        } finally {
            COMPILES.release();
        }
    }

    /**
     * The DRL line of a Java compile error in a consequence, instead of the rule's line Drools reports. Drools pastes
     * the consequence, trimmed, into a generated method; the package's line mappings give the line of {@code then}
     * and where the method starts in the generated class. Falls back to the rule's line when anything is missing.
     */
    private static int consequenceLine(KnowledgeBuilder builder, org.drools.compiler.compiler.RuleBuildError err,
                                       String drl, int ruleLine) {
        if (!(err.getObject() instanceof org.kie.internal.jci.CompilationProblem[] problems) || problems.length == 0
                || drl == null || !(builder instanceof org.drools.compiler.builder.impl.KnowledgeBuilderImpl impl)) {
            return ruleLine;
        }
        org.kie.internal.jci.CompilationProblem problem = problems[0];
        String className = problem.getFileName().replace(".java", "").replace('/', '.');
        int dot = className.lastIndexOf('.');
        var pkg = dot < 0 ? null : impl.getPackage(className.substring(0, dot));
        var mapping = pkg == null ? null : pkg.getDialectRuntimeRegistry().getLineMappings(className);
        if (mapping == null || mapping.getStartLine() <= 0) {
            return ruleLine;
        }
        String[] lines = drl.split("\n", -1);
        int first = mapping.getStartLine() + 1;
        while (first <= lines.length && lines[first - 1].isBlank()) {
            first++;
        }
        // The generated method puts the consequence's first line four lines below the mapping's offset.
        int line = first + problem.getStartLine() - (mapping.getOffset() + 4);
        return line >= first && line <= lines.length && !lines[line - 1].trim().equals("end") ? line : ruleLine;
    }

    private static List<RuleInfo> describe(KieBase kieBase, Map<String, String> drlSources) {
        Map<String, String[]> commentSources = new LinkedHashMap<>();
        drlSources.forEach((file, text) -> {
            String pending = null;
            boolean open = false;
            for (String line : text.split("\n")) {
                Matcher s = SOURCE_COMMENT.matcher(line);
                Matcher r = RULE_START.matcher(line);
                Matcher more = CONTINUED_COMMENT.matcher(line);
                if (s.matches()) {
                    pending = s.group(1).trim();
                    open = !pending.endsWith(".");
                } else if (open && more.matches()) {
                    // A citation runs over the next comment lines until its sentence ends; notes after it are not it.
                    pending = pending + " " + more.group(1).trim();
                    open = !pending.endsWith(".");
                } else if (r.find()) {
                    commentSources.put(r.group(1), new String[] {pending, file});
                    pending = null;
                    open = false;
                } else {
                    open = false;
                }
            }
        });
        List<RuleInfo> rules = new ArrayList<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule rule : p.getRules()) {
                String[] src = commentSources.getOrDefault(rule.getName(), new String[] {null, null});
                Object meta = rule.getMetaData().get("source");
                rules.add(RuleInfo.of(rule.getName(), meta != null ? meta.toString() : src[0], src[1]));
            }
        }
        rules.sort(java.util.Comparator.comparing(RuleInfo::name));
        return List.copyOf(rules);
    }

    private static Map<String, EffectivePeriod> effectivePeriods(KieBase kieBase, List<CompileError> errors) {
        Map<String, EffectivePeriod> periods = new java.util.HashMap<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule rule : p.getRules()) {
                Object from = rule.getMetaData().get("validFrom");
                Object to = rule.getMetaData().get("validTo");
                if (from == null && to == null) {
                    continue;
                }
                try {
                    periods.put(rule.getName(), new EffectivePeriod(
                            from == null ? null : java.time.LocalDate.parse(from.toString().replace("\"", "").trim()),
                            to == null ? null : java.time.LocalDate.parse(to.toString().replace("\"", "").trim())));
                } catch (java.time.format.DateTimeParseException e) {
                    errors.add(new CompileError(p.getName(), 0, "rule \"" + rule.getName()
                            + "\": @validFrom/@validTo must be ISO dates such as \"2026-01-26\", got " + e.getParsedString()));
                }
            }
        }
        return Map.copyOf(periods);
    }

    /** The spreadsheet cell of the table row that generated a line of DRL, or null. */
    private static String tableCellAt(String drl, int line) {
        if (drl == null || line <= 0) {
            return null;
        }
        String[] lines = drl.split("\n", -1);
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            Matcher m = TABLE_ROW.matcher(lines[i]);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    private static int cellRow(String cell) {
        return Integer.parseInt(cell.replaceAll("[A-Z]", ""));
    }

    static String rootMessage(Throwable e) {
        Throwable t = org.shipaudit.process.Causes.root(e);
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }
}
