package org.shipaudit.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An OutOfMemoryError ends the process, whether no code catches it or a pool's future swallows it. */
class FatalTest {

    /** Runs out of memory in a thread nobody watches; without the handler the JVM would live on. */
    public static final class UncaughtChild {
        public static void main(String[] args) throws Exception {
            Fatal.install();
            Thread t = new Thread(FatalTest::exhaustHeap, "greedy");
            t.start();
            t.join();
            Thread.sleep(20_000);
            System.exit(0); // reached only if the error did not end the process
        }
    }

    /** Runs out of memory in a pool task whose future would keep the error to itself. */
    public static final class PooledChild {
        public static void main(String[] args) throws Exception {
            ExecutorService pool = Executors.newSingleThreadExecutor();
            pool.submit(Fatal.guard(() -> {
                exhaustHeap();
                return null;
            }, "test pool"));
            Thread.sleep(20_000);
            System.exit(0);
        }
    }

    static void exhaustHeap() {
        List<long[]> hog = new ArrayList<>();
        while (true) {
            hog.add(new long[1 << 20]);
        }
    }

    static Process run(Class<?> main) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx48m", "-cp", System.getProperty("java.class.path"), main.getName())
                .redirectErrorStream(true).start();
    }

    static void assertHaltsWithFatalStatus(Class<?> main) throws Exception {
        Process p = run(main);
        assertTrue(p.waitFor(15, TimeUnit.SECONDS), "the process outlived its OutOfMemoryError");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(Fatal.EXIT_CODE, p.exitValue(), out);
        assertTrue(out.contains("FATAL: java.lang.OutOfMemoryError"), out);
    }

    @Test
    void endsTheProcessOnAnOutOfMemoryErrorNoCodeCaught() throws Exception {
        assertHaltsWithFatalStatus(UncaughtChild.class);
    }

    @Test
    void endsTheProcessOnAnOutOfMemoryErrorInAGuardedPoolTask() throws Exception {
        assertHaltsWithFatalStatus(PooledChild.class);
    }

    @Test
    void tellsFatalErrorsFromOthers() {
        assertTrue(Fatal.isFatal(new OutOfMemoryError("Java heap space")));
        assertTrue(Fatal.isFatal(new RuntimeException(new java.util.concurrent.ExecutionException(new OutOfMemoryError()))));
        assertFalse(Fatal.isFatal(new StackOverflowError()));
        assertFalse(Fatal.isFatal(new IllegalStateException("no")));
    }
}
