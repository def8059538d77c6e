package org.shipaudit.process;

import java.util.concurrent.Callable;

/**
 * Ends the process on errors it cannot recover from. After an OutOfMemoryError any thread may have died half-way
 * (H2 closes its database, an event loop stops accepting) while the JVM stays up, so the service must not carry on:
 * it exits with {@link #EXIT_CODE} and a supervisor (systemd, Kubernetes) restarts it; jobs resume from their
 * checkpoint. {@code -XX:+ExitOnOutOfMemoryError} does the same for the JVM's own allocations and is recommended too.
 *
 * <p>{@link Runtime#halt} rather than {@link System#exit}: shutdown hooks could need the memory that is gone, or
 * block on a lock a dead thread holds.
 */
public final class Fatal {

    /** The exit status after a fatal error (sysexits' EX_SOFTWARE is 70; any non-zero makes supervisors restart). */
    public static final int EXIT_CODE = 70;

    private Fatal() {
    }

    /** Makes a fatal error that no code caught end the process; other uncaught exceptions are only printed. */
    public static void install() {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            haltIfFatal(error, "thread " + thread.getName());
            if (previous != null) {
                previous.uncaughtException(thread, error);
            } else {
                error.printStackTrace();
            }
        });
    }

    /** True when {@code error} or one of its causes is an error the process cannot recover from. */
    public static boolean isFatal(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** Ends the process if {@code error} is fatal; returns otherwise. For catch blocks that handle everything else. */
    public static void haltIfFatal(Throwable error, String where) {
        if (isFatal(error)) {
            halt(error, where);
        }
    }

    /** Wraps a task so that a fatal error inside it ends the process instead of failing a future nobody restarts. */
    public static <T> Callable<T> guard(Callable<T> task, String where) {
        return () -> {
            try {
                return task.call();
            } catch (Throwable t) {
                haltIfFatal(t, where);
                throw t;
            }
        };
    }

    private static void halt(Throwable error, String where) {
        try {
            // Plain stderr: a logger may need memory that is gone.
            System.err.println("FATAL: " + error + " in " + where + "; exiting with status " + EXIT_CODE
                    + " so that a supervisor restarts the service");
            System.err.flush();
        } catch (Throwable ignored) {
            // exit regardless
        } finally {
            Runtime.getRuntime().halt(EXIT_CODE);
        }
    }
}
