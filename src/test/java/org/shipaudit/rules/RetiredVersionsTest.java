package org.shipaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.runtime.KieSession;
import org.shipaudit.model.AuditContext;
import org.shipaudit.store.PackVersionStore;

/**
 * A replaced pack version ends: its session pool is shut down once the last evaluation on it is done, and its
 * generated classes leave the JVM without anyone calling for a collection (issue 12: before, they stayed loaded until
 * G1 happened to run a marking cycle, which a soak of 20 deploys at -Xmx1g never saw).
 */
class RetiredVersionsTest {

    private static final AuditContext ON = new AuditContext("S", LocalDate.of(2026, 2, 1), "UPS", "GROUND", "US", "US");

    @TempDir
    Path dir;

    /** The test run shares compiled packs between services; that cache holds every version, and the reclaim is off. */
    private static String shared;

    @BeforeAll
    static void compileEachVersionOnItsOwn() {
        shared = System.getProperty(RulePackCompiler.SHARE_PROPERTY);
        System.setProperty(RulePackCompiler.SHARE_PROPERTY, "false");
    }

    @AfterAll
    static void shareAgain() {
        if (shared == null) {
            System.clearProperty(RulePackCompiler.SHARE_PROPERTY);
        } else {
            System.setProperty(RulePackCompiler.SHARE_PROPERTY, shared);
        }
    }

    private RulePackService open() throws Exception {
        Path p = dir.resolve("rules/dated");
        Files.createDirectories(p.resolve("drl"));
        Files.createDirectories(p.resolve("scenarios"));
        Files.writeString(p.resolve("pack.yaml"), "name: dated\nversion: \"1\"\n");
        Files.writeString(p.resolve("drl/dated.drl"), RulePackServiceTest.DRL);
        Files.writeString(p.resolve("scenarios/DAT-001-from-2026.fires.yaml"), RulePackServiceTest.scenario("2026-02-01", true));
        Files.writeString(p.resolve("scenarios/DAT-001-before-2026.silent.yaml"),
                RulePackServiceTest.scenario("2026-01-25", false));
        return RulePackService.open(dir.resolve("rules"), new PackVersionStore(dir.resolve("store")), Clock.systemUTC());
    }

    /** A change of the rules themselves, so each deploy compiles new classes. */
    private static PackUpload change(int n) {
        String drl = RulePackServiceTest.DRL.replace("\"noted\"", "\"noted " + n + "\"");
        return new PackUpload(Map.of("drl/dated.drl", drl.getBytes(StandardCharsets.UTF_8)), false, Set.of());
    }

    @Test
    void aReplacedVersionsPoolClosesWhenItsLastEvaluationEndsAndItStillJudgesAfter() throws Exception {
        RulePack pack = open().active("dated");
        AtomicInteger closed = new AtomicInteger();
        SessionPool pool = new SessionPool(pack.kieBase(), 2, closed::incrementAndGet);

        SessionPool.Lease running = pool.open();
        assertTrue(running.pooled());
        pool.retire();
        assertFalse(pool.closed(), "an evaluation still runs on the retired version");
        assertEquals(0, closed.get());

        running.session().insert(ON);
        assertEquals(1, running.session().fireAllRules(), "the running evaluation finishes on its version");
        pool.close(running, true);
        assertTrue(pool.closed(), "its last evaluation ended");
        assertEquals(1, closed.get());

        // An audit that took its snapshot before the swap and starts only now gets a session of its own.
        SessionPool.Lease late = pool.open();
        assertFalse(late.pooled());
        KieSession session = late.session();
        session.insert(ON);
        assertEquals(1, session.fireAllRules());
        pool.close(late, true);
        pool.retire();
        assertEquals(1, closed.get(), "closed once");
    }

    @Test
    void aDeployRetiresTheVersionItReplacesAndAuditsOnItStillGetTheirFindings() throws Exception {
        RulePackService service = open();
        RulePack first = service.active("dated");
        assertFalse(first.sessions().closed());

        service.deploy("dated", change(1), "alice", "one", null);

        assertTrue(first.sessions().closed(), "no evaluation ran on version 1 when version 2 replaced it");
        assertFalse(service.active("dated").sessions().closed());
        PackOutcome late = PackEvaluator.evaluate(first, List.of(ON));
        assertEquals(List.of("noted"), late.findings().stream().map(f -> f.message()).toList());
        assertEquals("1", late.version());
    }

    @Test
    void replacedVersionsAreUnreachableOnceTheirPoolsAreShutDown() throws Exception {
        RulePackService service = open();
        List<WeakReference<Object>> replaced = new java.util.ArrayList<>();
        for (int d = 1; d <= 3; d++) {
            RulePack active = service.active("dated");
            assertEquals(1, PackEvaluator.evaluate(active, List.of(ON)).findings().size());
            replaced.add(new WeakReference<>(active.kieBase()));
            // The loader of the classes Drools generated for this version: metaspace comes back only with it.
            replaced.add(new WeakReference<>(active.kieBase().getClass().getMethod("getRootClassLoader")
                    .invoke(active.kieBase())));
            active = null;
            service.deploy("dated", change(d), "alice", "deploy " + d, null);
        }
        // A full collection (this JVM runs without -XX:+ExplicitGCInvokesConcurrent) clears whatever nothing holds;
        // a retired pool, a cache or a listener still holding a version would keep it here.
        long deadline = System.nanoTime() + 25_000_000_000L;
        while (replaced.stream().anyMatch(r -> r.get() != null) && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(200);
        }
        for (WeakReference<Object> r : replaced) {
            assertNull(r.get(), "a replaced version's KieBase or class loader is still reachable 25 s after its deploy");
        }
    }

    @Test
    void theReclaimerAsksForOneCollectionForSeveralRetirementsAndNoneWhenItWouldBeAFullPause() throws Exception {
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        Reclaimer on = new Reclaimer(java.time.Duration.ofMillis(100), java.time.Duration.ofSeconds(10),
                asked::incrementAndGet, true);
        on.request();
        on.request();
        on.request();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (on.collections() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(300);
        assertEquals(1, asked.get(), "three retirements within the settle time share one collection");
        Reclaimer off = new Reclaimer(java.time.Duration.ofMillis(10), java.time.Duration.ofMillis(10),
                asked::incrementAndGet, false);
        off.request();
        Thread.sleep(200);
        assertEquals(1, asked.get(), "no collection is asked for where System.gc() is a full pause");
        assertEquals(0, off.collections());
    }
}
