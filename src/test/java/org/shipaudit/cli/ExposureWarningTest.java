package org.shipaudit.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ExposureWarningTest {

    @Test
    void warnsAtStartAndThenEveryInterval() throws Exception {
        List<String> said = new CopyOnWriteArrayList<>();
        try (ExposureWarning w = ExposureWarning.start("open to all", Duration.ofMillis(30), said::add)) {
            for (int i = 0; i < 200 && said.size() < 3; i++) {
                Thread.sleep(10);
            }
        }
        assertTrue(said.size() >= 3, "warned " + said.size() + " times");
        assertTrue(said.stream().allMatch("open to all"::equals));
    }
}
