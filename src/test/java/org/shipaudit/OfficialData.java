package org.shipaudit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class that imports the official files of {@code ../shared/reference-data} (tariff schedules, the world's
 * postal codes, the Hazardous Materials Table, carrier exports): minutes of import on two cores. Tagged so surefire
 * runs these in an execution of their own after the others ({@code official-data} in the pom), still within
 * {@code mvn verify} and CI; {@code -DskipOfficialData} leaves them out of a quick local run. Each class skips itself
 * with a reason where the shared folder is absent.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(OfficialData.TAG)
public @interface OfficialData {
    String TAG = "official-data";
}
