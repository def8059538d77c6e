package org.shipaudit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class that imports the official files of {@code ../shared/reference-data} (tariff schedules, the world's
 * postal codes, the Hazardous Materials Table, sanctions lists, carrier exports): minutes of import on two cores. Tagged
 * so that surefire leaves them out of the default run ({@code mvn -B verify}) and runs them with the {@link Slow}
 * classes in the {@code slow} execution ({@code mvn -B test -Pslow}), which CI runs after the default one
 * ({@code .ci/run}). Each class skips itself with a reason where the shared folder is absent.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(OfficialData.TAG)
public @interface OfficialData {
    String TAG = "official-data";
}
