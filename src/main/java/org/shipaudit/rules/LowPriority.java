package org.shipaudit.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;

/**
 * Lowers the CPU priority of the calling thread, for work that must yield to audits (compiling and checking candidate
 * packs). Java's thread priorities do nothing on Linux (HotSpot ignores them unless run as root with
 * {@code -XX:ThreadPriorityPolicy=1}), so the thread's nice value is raised with {@code renice}, which Linux applies to
 * the one thread whose id it is given; raising one's own nice value needs no privilege. Where there is no
 * {@code /proc/thread-self} or no {@code renice} (not Linux, a bare container) the thread keeps its priority and the log
 * says so once.
 */
final class LowPriority {

    /** The nice value of low-priority threads: at 10 against audits' 0 the scheduler gives them about a tenth of a core they contend for. */
    static final int NICE = 10;

    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private LowPriority() {
    }

    /** Lowers the calling thread's priority; false when the operating system's priority could not be changed. */
    static boolean lowerCurrentThread() {
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY); // honoured where the OS maps Java priorities
        String tid = threadId();
        String why;
        if (tid == null) {
            why = "no /proc/thread-self";
        } else {
            try {
                Process renice = new ProcessBuilder("renice", "-n", String.valueOf(NICE), "-p", tid)
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (renice.waitFor(5, TimeUnit.SECONDS) && renice.exitValue() == 0) {
                    return true;
                }
                renice.destroyForcibly();
                why = "renice failed";
            } catch (IOException e) {
                why = "no renice command (" + e.getMessage() + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                why = "interrupted";
            }
        }
        if (WARNED.compareAndSet(false, true)) {
            LoggerFactory.getLogger(LowPriority.class).warn("rule-pack compiles run at normal CPU priority ({}): a "
                    + "deploy competes with audits for the CPU", why);
        }
        return false;
    }

    /** The nice value of a thread of this process (Linux {@code /proc/self/task/<tid>/stat}), or null where unknown. */
    static Integer niceOf(String tid) {
        try {
            String stat = Files.readString(Path.of("/proc/self/task", tid, "stat"));
            // The command name (field 2) may hold spaces and parentheses; fields count from the last ')'.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return Integer.parseInt(f[16]); // field 19 of stat(5), the 17th after the name
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The calling thread's id in the kernel (not Java's), or null where there is no {@code /proc/thread-self}. */
    static String threadId() {
        try {
            return Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }
}
