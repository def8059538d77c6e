package org.shipaudit.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.model.AuditContext;
import org.shipaudit.store.PackVersion;
import org.shipaudit.store.PackVersionStore;

class RulePackServiceTest {

    @TempDir
    Path dir;
    Path rules;
    Path store;

    static final String DRL = """
            package org.shipaudit.rules.dated;
            import org.shipaudit.model.AuditContext;
            import org.shipaudit.findings.Severity;
            import org.shipaudit.findings.Category;
            import org.shipaudit.rules.Findings;

            // Source: test
            rule "DAT-001 Shipments from 2026-01-26 are noted"
                @validFrom("2026-01-26")
            when
                $c : AuditContext()
            then
                Findings.raise(drools, Severity.INFO, Category.DATA, "shipment", "noted").insert();
            end
            """;

    static String scenario(String date, boolean fires) {
        return "description: x\ngiven:\n  shipment:\n    id: S\n    shipDate: \"" + date + "\"\n    carrier: UPS\n"
                + "    service: GROUND\n    shipFrom: {country: US}\n    shipTo: {country: US}\n"
                + "    packages:\n      - {id: P1}\n" + (fires ? "expect:\n  - {rule: DAT-001}\n" : "silent: [DAT-001]\n");
    }

    @BeforeEach
    void pack() throws Exception {
        rules = dir.resolve("rules");
        store = dir.resolve("store");
        Path p = rules.resolve("dated");
        Files.createDirectories(p.resolve("drl"));
        Files.createDirectories(p.resolve("scenarios"));
        Files.writeString(p.resolve("pack.yaml"), "name: dated\nversion: \"1\"\n");
        Files.writeString(p.resolve("drl/dated.drl"), DRL);
        Files.writeString(p.resolve("scenarios/DAT-001-from-2026.fires.yaml"), scenario("2026-02-01", true));
        Files.writeString(p.resolve("scenarios/DAT-001-before-2026.silent.yaml"), scenario("2026-01-25", false));
    }

    RulePackService open() {
        return RulePackService.open(rules, new PackVersionStore(store), Clock.systemUTC());
    }

    static PackUpload upload(String path, String text) {
        return new PackUpload(Map.of(path, text.getBytes(StandardCharsets.UTF_8)), false, Set.of());
    }

    @Test
    void judgesValidFromAgainstTheBusinessDateNotTheClock() {
        RulePack pack = open().active("dated");
        AuditContext before = new AuditContext("S", LocalDate.of(2026, 1, 25), "UPS", "GROUND", "US", "US");
        AuditContext on = new AuditContext("S", LocalDate.of(2026, 1, 26), "UPS", "GROUND", "US", "US");
        assertEquals(0, PackEvaluator.evaluate(pack, List.of(before)).findings().size());
        assertEquals(1, PackEvaluator.evaluate(pack, List.of(on)).findings().size());
    }

    @Test
    void keepsTheDeployedVersionAcrossARestartWithDiskAndStoreInAgreement() throws Exception {
        RulePackService first = open();
        PackVersion v2 = first.deploy("dated", upload("CHANGELOG.md", "2: note\n"), "alice", "changelog", null);
        assertEquals("2", v2.version());
        assertEquals("2: note\n", Files.readString(rules.resolve("dated/CHANGELOG.md")));
        RulePackService second = open();
        assertEquals("2", second.active("dated").version());
        assertEquals(v2.contentHash(), second.active("dated").contentHash());
        assertEquals(2, second.history("dated").size(), "an unchanged pack is not a new version");
    }

    @Test
    void recordsAPackEditedOnDiskWhileStoppedAsANewVersion() throws Exception {
        open();
        Files.writeString(rules.resolve("dated/CHANGELOG.md"), "edited by hand\n");
        RulePackService reopened = open();
        assertEquals("2", reopened.active("dated").version());
        PackVersion last = reopened.history("dated").get(1);
        assertEquals("reload", last.action());
        assertEquals("1", last.previousVersion());
    }

    @Test
    void reloadsAGoodDiskChangeAndRefusesABadOneKeepingTheActiveVersion() throws Exception {
        RulePackService service = open();
        Files.writeString(rules.resolve("dated/CHANGELOG.md"), "x\n");
        assertEquals("2", service.reload("dated", "ops").version());
        assertEquals("2", service.reload("dated", "ops").version(), "unchanged content is a no-op");
        Files.writeString(rules.resolve("dated/drl/dated.drl"), DRL.replace("AuditContext()", "AuditContxt()"));
        PackChangeRefused e = assertThrows(PackChangeRefused.class, () -> service.reload("dated", "ops"));
        assertEquals(PackChangeRefused.Reason.INVALID, e.reason());
        assertEquals("drl/dated.drl", e.report().errors().get(0).file());
        assertEquals("2", service.active("dated").version());
    }

    @Test
    void refusesADeployWhileAnotherChangeOfThePackIsInProgress() {
        RulePackService service = open();
        AtomicReference<Throwable> second = new AtomicReference<>();
        // Activation happens inside the first deploy's lock: a deploy from another thread then must be refused.
        service.registry().onActivation(snapshot -> {
            if (snapshot.get("dated").version().equals("2") && second.get() == null) {
                Thread t = new Thread(() -> {
                    try {
                        service.deploy("dated", upload("CHANGELOG.md", "other"), "bob", "race", null);
                        second.set(new AssertionError("the racing deploy was accepted"));
                    } catch (Throwable e) {
                        second.set(e);
                    }
                });
                t.start();
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        service.deploy("dated", upload("CHANGELOG.md", "first"), "alice", "first", null);
        assertTrue(second.get() instanceof PackChangeRefused p && p.reason() == PackChangeRefused.Reason.BUSY,
                () -> String.valueOf(second.get()));
        assertEquals("2", service.active("dated").version());
    }

    /** A chain of ticks, each dividing to 40,000 digits for milliseconds: it meets the deadline, not the firing limit. */
    static final String SLOW = """
            package org.shipaudit.rules.dated;
            import java.math.BigDecimal;
            import java.math.RoundingMode;
            import org.shipaudit.model.AuditContext;

            declare Tick
                n : int
            end

            // Source: test
            rule "SLO-001 A chain of slow ticks starts on every shipment"
            when
                AuditContext()
            then
                insert(new Tick(0));
            end

            // Source: test
            rule "SLO-002 Each slow tick divides at length, then inserts the next"
            when
                $t : Tick(n < 1000000)
            then
                BigDecimal slow = BigDecimal.ONE.divide(BigDecimal.valueOf(7), 40000, RoundingMode.HALF_UP);
                insert(new Tick($t.getN() + 1));
            end
            """;

    @Test
    void aStuckValidateOfOnePackNeverHoldsUpValidatesOrDeploysOfAnother() throws Exception {
        otherPack();
        RulePackService service = open();
        Map<String, byte[]> candidate = new java.util.HashMap<>();
        candidate.put("drl/slow.drl", SLOW.getBytes(StandardCharsets.UTF_8));
        // More scenarios at their deadline than there are helper threads: every helper is held by this validate.
        for (int i = 0; i <= ScenarioRunner.HELPERS; i++) {
            candidate.put("scenarios/SLO-002-slow-" + i + ".fires.yaml",
                    scenario("2026-02-01", true).getBytes(StandardCharsets.UTF_8));
        }
        java.util.concurrent.CompletableFuture<ValidationReport> stuck = new java.util.concurrent.CompletableFuture<>();
        Thread slow = new Thread(() -> {
            try {
                stuck.complete(service.validate("dated", new PackUpload(candidate, false, Set.of())));
            } catch (Throwable e) {
                stuck.completeExceptionally(e);
            }
        }, "stuck-validate");
        slow.start();
        awaitScenariosRunning(slow);

        ValidationReport other = service.validate("other", upload("CHANGELOG.md", "while dated is stuck"));
        PackVersion deployed = service.deploy("other", upload("CHANGELOG.md", "deployed while dated is stuck"),
                "bob", "another pack's validate is stuck", null);

        assertFalse(stuck.isDone(), "the stuck validate was still running when the other pack's deploy answered");
        assertTrue(other.valid(), other::toString);
        assertEquals("2", deployed.version());
        ValidationReport report = stuck.get(120, java.util.concurrent.TimeUnit.SECONDS);
        assertFalse(report.valid());
        assertTrue(report.toString().contains("SLO-002") && report.toString().toLowerCase().contains("deadline"),
                report::toString);
    }

    /**
     * Waits until the validate {@code t} asked for runs scenarios (on a change thread of the build lane), so the other
     * pack meets a validate past its compile.
     */
    private static void awaitScenariosRunning(Thread t) throws InterruptedException {
        long until = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < until && t.isAlive()) {
            for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
                if (e.getKey().getName().equals(BuildLane.CHANGE_THREAD) && java.util.Arrays.stream(e.getValue())
                        .anyMatch(f -> f.getClassName().equals(PackEvaluator.class.getName()))) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the stuck validate never reached its scenarios");
    }

    @Test
    void refusesACandidateBuiltFromAStaleVersion() {
        RulePackService service = open();
        service.deploy("dated", upload("CHANGELOG.md", "a"), "alice", "a", "1");
        PackChangeRefused e = assertThrows(PackChangeRefused.class,
                () -> service.deploy("dated", upload("CHANGELOG.md", "b"), "bob", "b", "1"));
        assertEquals(PackChangeRefused.Reason.STALE, e.reason());
    }

    @Test
    void refusesAPackWithoutScenarios() {
        RulePackService service = open();
        PackUpload noScenarios = new PackUpload(Map.of("pack.yaml", "name: dated\n".getBytes(StandardCharsets.UTF_8),
                "drl/dated.drl", DRL.getBytes(StandardCharsets.UTF_8)), true, Set.of());
        PackChangeRefused e = assertThrows(PackChangeRefused.class,
                () -> service.deploy("dated", noScenarios, "alice", "x", null));
        assertTrue(e.report().errors().get(0).message().contains("no scenarios"), e.report()::toString);
    }

    @Test
    void rollsBackToThePreviousVersionAndKeepsItsExactFiles() throws Exception {
        RulePackService service = open();
        byte[] original = Files.readAllBytes(rules.resolve("dated/drl/dated.drl"));
        service.deploy("dated", upload("drl/dated.drl", DRL.replace("\"noted\"", "\"noted, new wording\"")),
                "alice", "clearer message", null);
        PackChangeRefused invalid = assertThrows(PackChangeRefused.class, () -> service.active("nope"));
        assertEquals(PackChangeRefused.Reason.NOT_FOUND, invalid.reason());
        PackVersion back = service.rollback("dated", null, "alice", null);
        assertEquals("1", back.version());
        assertArrayEquals(original, Files.readAllBytes(rules.resolve("dated/drl/dated.drl")));
        assertArrayEquals(original, service.versionFiles("dated", "1").get("drl/dated.drl"));
    }

    /** A second pack, "other", whose one rule is OTH-001. */
    void otherPack() throws Exception {
        Path p = rules.resolve("other");
        Files.createDirectories(p.resolve("drl"));
        Files.createDirectories(p.resolve("scenarios"));
        Files.writeString(p.resolve("pack.yaml"), "name: other\nversion: \"1\"\n");
        Files.writeString(p.resolve("drl/other.drl"), DRL.replace("rules.dated", "rules.other").replace("DAT-001", "OTH-001"));
        Files.writeString(p.resolve("scenarios/OTH-001-from-2026.fires.yaml"),
                scenario("2026-02-01", true).replace("DAT-001", "OTH-001"));
        Files.writeString(p.resolve("scenarios/OTH-001-before-2026.silent.yaml"),
                scenario("2026-01-25", false).replace("DAT-001", "OTH-001"));
    }

    @Test
    void refusesACandidateDefiningARuleIdAnotherPackHas() throws Exception {
        otherPack();
        RulePackService service = open();
        String stolen = "\n// Source: test\nrule \"DAT-001 Borrowed id\"\nwhen\n    $c : AuditContext()\nthen\n"
                + "    Findings.raise(drools, Severity.INFO, Category.DATA, \"shipment\", \"x\").insert();\nend\n";
        String drl = DRL.replace("rules.dated", "rules.other").replace("DAT-001", "OTH-001") + stolen;
        ValidationReport report = service.validate("other", upload("drl/other.drl", drl));
        assertTrue(!report.valid());
        CompileError clash = report.errors().stream().filter(e -> e.message().contains("DAT-001")).findFirst()
                .orElseThrow(() -> new AssertionError(report.errors().toString()));
        assertEquals("drl/other.drl", clash.file());
        assertEquals(drl.substring(0, drl.indexOf("rule \"DAT-001")).split("\n", -1).length, clash.line());
        assertTrue(clash.message().contains("pack 'dated'"), clash.message());
        PackChangeRefused refused = assertThrows(PackChangeRefused.class,
                () -> service.deploy("other", upload("drl/other.drl", drl), "alice", "borrow", null));
        assertEquals(PackChangeRefused.Reason.INVALID, refused.reason());
        assertEquals("1", service.active("other").version());
    }

    @Test
    void refusesACandidateDefiningOneRuleIdTwice() {
        RulePackService service = open();
        String again = DRL.replace("DAT-001 Shipments from 2026-01-26 are noted", "DAT-001 Second rule, same id")
                .replace("package org.shipaudit.rules.dated;", "package org.shipaudit.rules.dated;\n");
        ValidationReport report = service.validate("dated", upload("drl/again.drl", again));
        assertTrue(!report.valid());
        assertTrue(report.errors().stream().anyMatch(e -> e.message().contains("DAT-001 is used twice")
                && e.line() > 0), report.errors().toString());
    }

    static void copyTree(Path from, Path to) throws Exception {
        try (var walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    static List<String> names(Path d) throws Exception {
        if (!Files.exists(d)) {
            return List.of();
        }
        try (var s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aCrashBetweenTheStoreWriteAndTheSwapLeavesNoUnacknowledgedVersionAndNoLeftovers() throws Exception {
        RulePackService service = open();
        byte[] v1 = Files.readAllBytes(rules.resolve("dated/drl/dated.drl"));
        Path crashed = dir.resolve("crashed");
        // What a kill -9 at this point leaves on disk: a copy of the store and the rules directory, taken there.
        service.beforeSwap(() -> {
            try {
                copyTree(store, crashed.resolve("store"));
                copyTree(rules, crashed.resolve("rules"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        service.deploy("dated", upload("drl/dated.drl", DRL.replace("\"noted\"", "\"noted again\"")), "alice",
                "never acknowledged", null);
        // A swap interrupted between its two renames: the pack moved aside, the new tree not yet in place.
        Path rulesAfter = crashed.resolve("rules");
        Files.move(rulesAfter.resolve("dated"), rulesAfter.resolve(".dated.old"));
        copyTree(rulesAfter.resolve(".dated.old"), rulesAfter.resolve(".dated.next"));

        RulePackService restarted = RulePackService.open(rulesAfter, new PackVersionStore(crashed.resolve("store")),
                Clock.systemUTC());
        assertEquals("1", restarted.active("dated").version());
        List<PackVersion> history = restarted.history("dated");
        assertEquals(1, history.size(), history::toString);
        assertEquals("initial", history.get(0).action());
        assertEquals(List.of("1"), names(crashed.resolve("store/dated/versions")), "the unrecorded version is removed");
        assertEquals(List.of("dated"), names(rulesAfter), "no .next or .old tree is left behind");
        assertTrue(!Files.exists(crashed.resolve("store/dated/pending.json")));
        assertArrayEquals(v1, Files.readAllBytes(rulesAfter.resolve("dated/drl/dated.drl")));
        // And the next deploy gets the number the interrupted one never got to keep.
        assertEquals("2", restarted.deploy("dated", upload("drl/dated.drl", DRL.replace("\"noted\"", "\"noted 2\"")),
                "alice", "again", null).version());
    }

    @Test
    void aFailedSwapUndoesTheDeployInProcess() throws Exception {
        RulePackService service = open();
        service.beforeSwap(() -> {
            throw new java.io.UncheckedIOException(new java.io.IOException("No space left on device"));
        });
        assertThrows(java.io.UncheckedIOException.class, () -> service.deploy("dated",
                upload("drl/dated.drl", DRL.replace("\"noted\"", "\"noted again\"")), "alice", "full disk", null));
        assertEquals("1", service.active("dated").version());
        assertEquals(1, service.history("dated").size());
        assertEquals(List.of("1"), names(store.resolve("dated/versions")));
        assertTrue(!Files.exists(store.resolve("dated/pending.json")));
    }

    @Test
    void refusesHiddenFilesAtDeployAsTheNextStartWouldDropThem() throws Exception {
        RulePackService service = open();
        PackChangeRefused refused = assertThrows(PackChangeRefused.class, () -> service.deploy("dated",
                upload("drl/.hidden.drl", DRL), "alice", "hidden", null));
        assertEquals(PackChangeRefused.Reason.BAD_REQUEST, refused.reason());
        assertTrue(refused.getMessage().contains("drl/.hidden.drl"), refused.getMessage());
        // The same rule at start: a hidden file in the rules directory is not part of the pack, so no new version.
        Files.writeString(rules.resolve("dated/drl/.hidden.drl"), DRL);
        assertEquals("1", open().active("dated").version());
        assertEquals(1, open().history("dated").size());
    }

    @Test
    void aHistoryLineTornByACrashDoesNotHideTheRecordsAfterIt() throws Exception {
        open();
        Files.writeString(store.resolve("dated/history.jsonl"), "{\"pack\":\"dated\",\"vers",
                java.nio.file.StandardOpenOption.APPEND);
        RulePackService restarted = open();
        restarted.deploy("dated", upload("drl/dated.drl", DRL.replace("\"noted\"", "\"noted 2\"")), "alice", "x", null);
        List<PackVersion> history = open().history("dated");
        assertEquals(List.of("initial", "deploy"), history.stream().map(PackVersion::action).toList());
    }

    @Test
    void aDamagedHistoryNeverCostsAStoredVersion() throws Exception {
        RulePackService service = open();
        service.deploy("dated", upload("drl/dated.drl", DRL.replace("\"noted\"", "\"noted 2\"")), "alice", "x", null);
        Path history = store.resolve("dated/history.jsonl");
        List<String> lines = Files.readAllLines(history);
        Files.write(history, List.of(lines.get(0), "{damaged", lines.get(1)));
        open();
        assertTrue(names(store.resolve("dated/versions")).containsAll(List.of("1", "2")),
                names(store.resolve("dated/versions")).toString());
    }
}
