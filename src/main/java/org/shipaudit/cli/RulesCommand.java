package org.shipaudit.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.shipaudit.rules.PackFiles;
import org.shipaudit.rules.RulePack;
import org.shipaudit.rules.RulePackCompiler;
import org.shipaudit.rules.RulePackException;
import org.shipaudit.rules.ScenarioResult;
import org.shipaudit.rules.ScenarioRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Rule-pack tooling for authors: {@code rules test [pack]} compiles packs and runs their scenarios. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Rule-pack tools.",
        subcommands = {RulesCommand.Test.class, RulesCommand.Validate.class})
public final class RulesCommand implements Runnable {

    @Override
    public void run() {
        picocli.CommandLine.usage(this, System.out);
    }

    /**
     * rules validate DIR: what the service's validate endpoint answers, for a pack directory on disk: errors with file
     * and line (table errors with their spreadsheet row), scenario failures, coverage, table warnings, and with
     * {@code --show-drl} the DRL each decision table compiles to. Exit 1 when the pack would be refused.
     */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Validate a pack directory as a deploy would: compile, scenarios, coverage.")
    static final class Validate implements Callable<Integer> {

        @Parameters(paramLabel = "DIR", description = "the pack directory (holding pack.yaml)")
        Path dir;

        @Mixin
        ConfigOptions options = new ConfigOptions();

        @picocli.CommandLine.Option(names = "--show-drl", description = "print the DRL each decision table compiles to")
        boolean showDrl;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws java.io.IOException {
            PrintWriter out = spec.commandLine().getOut();
            if (!Files.isRegularFile(dir.resolve("pack.yaml"))) {
                out.println("no pack.yaml in " + dir);
                out.flush();
                return 1;
            }
            // As a deploy would: rule ids are checked against the other packs of rules.dir, as against active packs.
            Path rulesDir = options.load(Map.of()).rulesDir();
            String name = dir.toAbsolutePath().normalize().getFileName().toString();
            List<RulePack> others = List.of();
            if (Files.isDirectory(rulesDir)) {
                try (var list = Files.list(rulesDir)) {
                    others = list.filter(d -> Files.isRegularFile(d.resolve("pack.yaml")))
                            .filter(d -> !d.getFileName().toString().equals(name)).toList().parallelStream()
                            .map(d -> RulePackCompiler.compile(PackFiles.read(d))).toList();
                }
            }
            org.shipaudit.rules.ValidationReport r =
                    org.shipaudit.rules.PackValidator.validate(PackFiles.read(dir), others).report();
            out.println((r.valid() ? "VALID " : "INVALID ") + dir.getFileName() + ": " + r.rules() + " rules, "
                    + r.scenarios().passed() + " scenarios passed, " + r.scenarios().failed() + " failed");
            r.errors().forEach(e -> out.println("  error    " + e));
            r.scenarios().failures().forEach(f -> {
                out.println("  failed   " + f.file() + (f.description() != null ? " (" + f.description() + ")" : ""));
                f.reasons().forEach(x -> out.println("           " + x));
            });
            r.coverage().rulesWithoutScenario().forEach(id -> out.println("  coverage " + id + " has no scenario"));
            r.coverage().rulesNeverFiring().forEach(id -> out.println("  coverage no scenario makes " + id + " fire"));
            r.coverage().rulesNeverSilent().forEach(id -> out.println("  coverage no scenario keeps " + id + " silent"));
            r.warnings().forEach(w -> out.println("  warning  " + w));
            if (showDrl) {
                r.tables().forEach((table, drl) -> out.println("\n--- " + table + " compiles to:\n" + drl));
            }
            out.flush();
            return r.valid() ? 0 : 1;
        }
    }

    /** rules test [PACK...]: compile, run scenarios, print a pass/fail report; exit 1 on any failure. */
    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Compile rule packs and run their scenarios; exit 1 if any fails.")
    static final class Test implements Callable<Integer> {

        @Mixin
        ConfigOptions options = new ConfigOptions();

        @Parameters(paramLabel = "PACK", arity = "0..*", description = "packs to test (default: all)")
        List<String> packs;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Path rulesDir = options.load(Map.of()).rulesDir();
            PrintWriter out = spec.commandLine().getOut();
            List<Path> dirs;
            try (var list = Files.list(rulesDir)) {
                dirs = list.filter(d -> Files.isRegularFile(d.resolve("pack.yaml")))
                        .filter(d -> packs == null || packs.contains(d.getFileName().toString()))
                        .sorted().toList();
            }
            if (packs != null) {
                for (String p : packs) {
                    if (dirs.stream().noneMatch(d -> d.getFileName().toString().equals(p))) {
                        out.println("no pack '" + p + "' in " + rulesDir);
                        return 1;
                    }
                }
            }
            int passed = 0;
            int failed = 0;
            List<RulePack> compiled = new java.util.ArrayList<>();
            for (Path dir : dirs) {
                RulePack pack;
                try {
                    pack = RulePackCompiler.compile(PackFiles.read(dir));
                } catch (RulePackException e) {
                    out.println("FAIL " + dir.getFileName() + " does not compile:");
                    e.errors().forEach(err -> out.println("     " + err));
                    failed++;
                    continue;
                }
                compiled.add(pack);
                out.println(pack.name() + " " + pack.version() + ": " + pack.findingRules().size() + " rules, "
                        + pack.scenarios().size() + " scenarios");
                for (ScenarioResult r : ScenarioRunner.run(pack)) {
                    if (r.passed()) {
                        passed++;
                        out.println("  ok   " + r.file());
                    } else {
                        failed++;
                        out.println("  FAIL " + r.file() + (r.description() != null ? " (" + r.description() + ")" : ""));
                        r.failures().forEach(f -> out.println("       " + f));
                    }
                }
            }
            // Rule ids are unique across packs: a finding names its rule by id alone.
            for (RulePack pack : compiled) {
                for (org.shipaudit.rules.CompileError clash : org.shipaudit.rules.PackValidator.idClashes(pack,
                        compiled)) {
                    out.println("FAIL " + pack.name() + ": " + clash);
                    failed++;
                }
            }
            out.println(passed + " passed, " + failed + " failed");
            out.flush();
            return failed == 0 ? 0 : 1;
        }
    }
}
