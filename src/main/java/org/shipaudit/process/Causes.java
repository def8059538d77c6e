package org.shipaudit.process;

import java.util.function.Predicate;

/**
 * A throwable's chain of causes, walked once here: what the service answers for a failure (a 503 for a database that
 * went away, a 507 for a full disk, the rule that threw) depends on what lies deep in the chain, seldom on the
 * throwable that reached the handler. A cause that is its own cause ends the chain.
 */
public final class Causes {

    private Causes() {
    }

    /** The first throwable of the chain that is a {@code type}, {@code error} itself included; null when none is. */
    public static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = next(t)) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** Whether any throwable of the chain, {@code error} itself included, passes the test. */
    public static boolean any(Throwable error, Predicate<Throwable> test) {
        for (Throwable t = error; t != null; t = next(t)) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }

    /** The last throwable of the chain: the one that started it. */
    public static Throwable root(Throwable error) {
        Throwable t = error;
        for (Throwable n = next(t); n != null; n = next(n)) {
            t = n;
        }
        return t;
    }

    private static Throwable next(Throwable t) {
        Throwable c = t.getCause();
        return c == t ? null : c;
    }
}
