package org.shipaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackCacheTest {

    @TempDir
    Path dir;
    private String shared;

    /** The test run shares compiled packs in memory by content; this test is about what happens without that. */
    @BeforeEach
    void compileForReal() {
        shared = System.getProperty(RulePackCompiler.SHARE_PROPERTY);
        System.setProperty(RulePackCompiler.SHARE_PROPERTY, "false");
    }

    @AfterEach
    void restore() {
        if (shared == null) {
            System.clearProperty(RulePackCompiler.SHARE_PROPERTY);
        } else {
            System.setProperty(RulePackCompiler.SHARE_PROPERTY, shared);
        }
    }

    @Test
    void aPackCompiledOnceIsLoadedTheNextTimeAndPassesItsScenarios() throws IOException {
        PackCache cache = PackCache.in(dir.resolve("cache"));
        PackFiles rates = PackFiles.read(Path.of("rules", "rates"));
        RulePack compiled = RulePackCompiler.compile(rates, null, cache);
        assertEquals(0, cache.hits());
        assertEquals(1, entries(cache).size());

        RulePack loaded = RulePackCompiler.compile(rates, null, PackCache.in(dir.resolve("cache")));
        assertEquals(compiled.rules(), loaded.rules());
        List<ScenarioResult> results = ScenarioRunner.run(loaded);
        assertFalse(results.isEmpty());
        assertTrue(results.stream().allMatch(ScenarioResult::passed), () -> results.toString());
    }

    @Test
    void loadedRulesResolveClassesThroughTheSandbox() {
        PackCache cache = PackCache.in(dir.resolve("cache"));
        PackFiles rates = PackFiles.read(Path.of("rules", "rates"));
        RulePackCompiler.compile(rates, null, cache);
        PackCache again = PackCache.in(dir.resolve("cache"));
        RulePack loaded = RulePackCompiler.compile(rates, null, again);
        assertEquals(1, again.hits());
        ClassLoader root = ((org.drools.kiesession.rulebase.InternalKnowledgeBase) loaded.kieBase()).getRootClassLoader();
        boolean sandboxed = false;
        for (ClassLoader c = root; c != null; c = c.getParent()) {
            sandboxed |= c instanceof SandboxClassLoader;
        }
        assertTrue(sandboxed, "the loaded KieBase's class loader " + root + " has no sandbox above it");
    }

    @Test
    void aDamagedEntryIsRecompiledNeverAFailure() throws IOException {
        PackCache cache = PackCache.in(dir.resolve("cache"));
        PackFiles rates = PackFiles.read(Path.of("rules", "rates"));
        RulePackCompiler.compile(rates, null, cache);
        Path entry = entries(cache).get(0);
        byte[] bytes = Files.readAllBytes(entry);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(entry, bytes);

        PackCache again = PackCache.in(dir.resolve("cache"));
        RulePack pack = RulePackCompiler.compile(rates, null, again);
        assertEquals(0, again.hits(), "a damaged entry must not be loaded");
        assertTrue(ScenarioRunner.run(pack).stream().allMatch(ScenarioResult::passed));
        assertEquals(1, entries(again).size(), "the recompiled pack is stored again");

        Files.write(entries(again).get(0), new byte[] {1, 2, 3}); // truncated
        PackCache third = PackCache.in(dir.resolve("cache"));
        RulePackCompiler.compile(rates, null, third);
        assertEquals(0, third.hits());
    }

    @Test
    void anEntryThisServiceDidNotWriteIsNeverRead() throws IOException {
        PackFiles rates = PackFiles.read(Path.of("rules", "rates"));
        PackCache other = PackCache.in(dir.resolve("other"));
        RulePackCompiler.compile(rates, null, other);
        PackCache mine = PackCache.in(dir.resolve("mine"));
        Path planted = entries(other).get(0);
        Files.copy(planted, dir.resolve("mine").resolve(planted.getFileName()));

        RulePackCompiler.compile(rates, null, mine);
        assertEquals(0, mine.hits(), "an entry signed with another data directory's key was loaded");
    }

    @Test
    void theKeyFollowsThePackAndItsFiles() {
        String a = PackCache.key("p", "abc");
        assertEquals(a, PackCache.key("p", "abc"));
        assertNotEquals(a, PackCache.key("p", "abd"));
        assertNotEquals(a, PackCache.key("q", "abc"));
    }

    @Test
    void aPackThatFailsAnyCheckIsNeverStored() throws IOException {
        PackCache cache = PackCache.in(dir.resolve("cache"));
        java.util.Map<String, byte[]> files = new java.util.TreeMap<>(PackFiles.read(Path.of("rules", "rates")).files());
        String drl = new String(files.get("drl/contract-rate.drl"), java.nio.charset.StandardCharsets.UTF_8);
        // Compiles, but a rule without its source is refused: nothing of it may be cached.
        files.put("drl/contract-rate.drl", drl.replaceAll("//\\s*Source:[^\\n]*", "// no citation")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        PackFiles uncited = new PackFiles("rates", files);
        org.junit.jupiter.api.Assertions.assertThrows(RulePackException.class,
                () -> RulePackCompiler.compile(uncited, null, cache));
        assertTrue(entries(cache).isEmpty());
        org.junit.jupiter.api.Assertions.assertThrows(RulePackException.class,
                () -> RulePackCompiler.compile(uncited, null, PackCache.in(dir.resolve("cache"))));
    }

    @Test
    void theTablesDrlComesBackWithTheRules() {
        PackFiles rates = PackFiles.read(Path.of("rules", "rates"));
        RulePack compiled = RulePackCompiler.compile(rates, null, PackCache.in(dir.resolve("cache")));
        RulePack loaded = RulePackCompiler.compile(rates, null, PackCache.in(dir.resolve("cache")));
        assertFalse(compiled.generatedDrl().isEmpty());
        assertEquals(compiled.generatedDrl(), loaded.generatedDrl());
    }

    @Test
    void anUnusableDirectoryMeansNoCache() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        PackCache cache = PackCache.in(file.resolve("cache"));
        assertFalse(cache.enabled());
        assertTrue(RulePackCompiler.compile(PackFiles.read(Path.of("rules", "rates")), null, cache).rules().size() > 0);
    }

    private static List<Path> entries(PackCache cache) throws IOException {
        try (Stream<Path> list = Files.list(cache.directory())) {
            return list.filter(p -> p.toString().endsWith(".packs")).toList();
        }
    }
}
