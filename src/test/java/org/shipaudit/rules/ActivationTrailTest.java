package org.shipaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.shipaudit.store.PackVersion;

class ActivationTrailTest {

    static PackVersion record(String action, String version) {
        return new PackVersion("p", version, "h", action, "a", "m", Instant.EPOCH, null);
    }

    static Optional<String> previous(List<PackVersion> history) {
        return ActivationTrail.of(history).beforeCurrent();
    }

    @Test
    void plainRollbacksWalkBackOneActivationAtATime() {
        List<PackVersion> h = new ArrayList<>(List.of(record("initial", "1"), record("deploy", "2"),
                record("deploy", "3")));
        assertEquals(Optional.of("2"), previous(h));
        h.add(record("rollback", "2"));
        assertEquals(Optional.of("1"), previous(h), "not back to 3: no toggling");
        h.add(record("rollback", "1"));
        assertEquals(Optional.empty(), previous(h), "nothing before the first version");
    }

    @Test
    void aRollbackToAVersionRolledBackFromIsANewStepForward() {
        List<PackVersion> h = List.of(record("initial", "1"), record("deploy", "2"), record("deploy", "3"),
                record("rollback", "2"), record("rollback", "1"), record("rollback", "3"));
        assertEquals(Optional.of("1"), previous(h));
    }

    @Test
    void aNamedRollbackFarBackSkipsTheVersionsBetween() {
        List<PackVersion> h = List.of(record("initial", "1"), record("deploy", "2"), record("reload", "3"),
                record("deploy", "4"), record("rollback", "2"));
        assertEquals(Optional.of("1"), previous(h));
    }
}
