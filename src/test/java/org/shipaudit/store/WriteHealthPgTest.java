package org.shipaudit.store;

import java.nio.file.Path;

/** WriteHealthTest on PostgreSQL: skipped, saying why, when no server is configured ({@link TestDatabases}). */
class WriteHealthPgTest extends WriteHealthTest {

    @Override
    Database open(Path dir) {
        return TestDatabases.postgres(dir);
    }
}
