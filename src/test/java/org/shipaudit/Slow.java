package org.shipaudit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class that is slow by nature rather than by waste: it drives a browser, starts several service JVMs, or fills
 * a real disk. Tagged so that surefire leaves it out of the default run ({@code mvn -B verify}) and runs it with the
 * {@link OfficialData} classes in the {@code slow} execution ({@code mvn -B test -Pslow}), which CI runs after the
 * default one ({@code .ci/run}). Say in {@link #value} why the class cannot be made cheap, so the next engineer can
 * tell when it can.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(Slow.TAG)
public @interface Slow {
    String TAG = "slow";

    /** Why the class is slow. */
    String value();
}
