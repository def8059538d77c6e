package org.shipaudit.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Validates a candidate pack without activating anything: compile, run its scenarios, measure coverage. */
public final class PackValidator {

    private PackValidator() {
    }

    /** The report, and the compiled pack when it compiled (null otherwise). */
    public record Outcome(ValidationReport report, RulePack pack) {
    }

    /**
     * Validates a candidate for a running service: also refuses rule ids that the candidate defines twice or that
     * another active pack already has.
     *
     * @param activePacks the active packs (the candidate's own pack is ignored)
     */
    public static Outcome validate(PackFiles candidate, java.util.Collection<RulePack> activePacks) {
        return validate(candidate, activePacks, PackCache.none());
    }

    /** As {@link #validate(PackFiles, java.util.Collection)}, its compiled rules loaded from or kept in {@code cache}. */
    static Outcome validate(PackFiles candidate, java.util.Collection<RulePack> activePacks, PackCache cache) {
        Outcome outcome = validate(candidate, cache);
        if (outcome.pack() == null) {
            return outcome;
        }
        List<CompileError> clashes = RuleIds.clashes(outcome.pack(), activePacks);
        return clashes.isEmpty() ? outcome : new Outcome(outcome.report().withErrors(clashes), outcome.pack());
    }

    /**
     * Rule ids of a compiled pack that it defines twice or that one of the other packs already has, each with file and
     * line; empty when all are its own.
     */
    public static List<CompileError> idClashes(RulePack pack, java.util.Collection<RulePack> others) {
        return RuleIds.clashes(pack, others);
    }

    public static Outcome validate(PackFiles candidate) {
        return validate(candidate, PackCache.none());
    }

    private static Outcome validate(PackFiles candidate, PackCache cache) {
        RulePack pack;
        try {
            pack = BuildLane.compile(() -> RulePackCompiler.compile(candidate, "candidate", cache));
        } catch (RulePackException e) {
            ValidationReport report = new ValidationReport(false, e.errors(),
                    new ValidationReport.ScenarioSummary(0, 0, List.of()),
                    new ValidationReport.Coverage(List.of(), List.of(), List.of()), List.of(), 0,
                    candidate.contentHash(), Map.of());
            return new Outcome(report, null);
        }
        List<ValidationReport.ScenarioFailure> failures = new ArrayList<>();
        int passed = 0;
        for (ScenarioResult r : ScenarioRunner.run(pack)) {
            if (r.passed()) {
                passed++;
            } else {
                failures.add(new ValidationReport.ScenarioFailure(r.file(), r.description(), r.failures()));
            }
        }
        List<String> warnings = new ArrayList<>(TableOverlapCheck.warnings(pack.generatedDrl()));
        candidate.files().forEach((path, bytes) -> {
            if (path.startsWith("drl/") && path.endsWith(".drl")) {
                warnings.addAll(MovedModelTypes.warnings(path, new String(bytes, java.nio.charset.StandardCharsets.UTF_8)));
            }
        });
        pack.generatedDrl().forEach((path, drl) -> warnings.addAll(MovedModelTypes.warnings(path, drl)));
        List<CompileError> errors = new ArrayList<>();
        if (pack.scenarios().isEmpty()) {
            errors.add(new CompileError("scenarios/", 0, "the pack has no scenarios: every rule needs one that makes it "
                    + "fire and one that keeps it silent"));
        }
        ValidationReport.Coverage coverage = coverage(pack);
        boolean valid = errors.isEmpty() && failures.isEmpty() && coverage.complete();
        ValidationReport report = new ValidationReport(valid, errors,
                new ValidationReport.ScenarioSummary(passed, failures.size(), failures), coverage, warnings,
                pack.findingRules().size(), pack.contentHash(), pack.generatedDrl());
        return new Outcome(report, pack);
    }

    static ValidationReport.Coverage coverage(RulePack pack) {
        Set<String> fired = new TreeSet<>();
        Set<String> silenced = new TreeSet<>();
        for (Scenario s : pack.scenarios()) {
            s.expect().forEach(e -> fired.add(e.rule()));
            silenced.addAll(s.silent());
        }
        List<String> without = new ArrayList<>();
        List<String> neverFiring = new ArrayList<>();
        List<String> neverSilent = new ArrayList<>();
        for (RuleInfo r : pack.findingRules()) {
            boolean f = fired.contains(r.id());
            boolean s = silenced.contains(r.id());
            if (!f && !s) {
                without.add(r.id());
            } else if (!f) {
                neverFiring.add(r.id());
            } else if (!s) {
                neverSilent.add(r.id());
            }
        }
        return new ValidationReport.Coverage(without, neverFiring, neverSilent);
    }
}
