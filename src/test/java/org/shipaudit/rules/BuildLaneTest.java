package org.shipaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BuildLaneTest {

    @Test
    void runsOneCompileAtATimeWhateverTheNumberOfCallers() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> done = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                done.add(callers.submit(() -> BuildLane.compile(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    running.decrementAndGet();
                    return Thread.currentThread().getName();
                })));
            }
            for (Future<String> f : done) {
                assertEquals(BuildLane.COMPILE_THREAD, f.get(), "the work runs on the lane, not on its caller");
            }
        } finally {
            callers.shutdownNow();
        }
        assertEquals(1, most.get(), "compiles that overlapped");
    }

    @Test
    void throwsWhatTheWorkThrows() {
        PackChangeRefused refused = new PackChangeRefused(PackChangeRefused.Reason.INVALID, "no");
        assertSame(refused, assertThrows(PackChangeRefused.class, () -> BuildLane.compile(() -> {
            throw refused;
        })));
        assertThrows(StackOverflowError.class, () -> BuildLane.change(() -> {
            throw new StackOverflowError();
        }));
    }

    @Test
    void runsBelowTheCpuPriorityOfItsCallers() {
        assumeTrue(Files.isSymbolicLink(Path.of("/proc/thread-self")), "no /proc/thread-self: not Linux");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/renice")) || Files.isExecutable(Path.of("/bin/renice")),
                "no renice command here, so the lane keeps the normal priority (and logs it)");
        Integer caller = LowPriority.niceOf(LowPriority.threadId());
        Integer compile = BuildLane.compile(() -> LowPriority.niceOf(LowPriority.threadId()));
        Integer change = BuildLane.change(() -> LowPriority.niceOf(LowPriority.threadId()));
        assertNotNull(caller);
        assertTrue(compile != null && compile > caller, "nice of the compile thread " + compile + ", of its caller " + caller);
        assertTrue(change != null && change > caller, "nice of a change's thread " + change + ", of its caller " + caller);
    }
}
