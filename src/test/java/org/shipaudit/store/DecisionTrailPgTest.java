package org.shipaudit.store;

import java.nio.file.Path;

/** DecisionTrailTest on PostgreSQL: skipped, saying why, when no server is configured ({@link TestDatabases}). */
class DecisionTrailPgTest extends DecisionTrailTest {

    @Override
    Database open(Path dir) {
        return TestDatabases.postgres(dir);
    }
}
