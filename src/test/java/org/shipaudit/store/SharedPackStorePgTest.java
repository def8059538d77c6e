package org.shipaudit.store;

import java.nio.file.Path;

/** SharedPackStoreTest on PostgreSQL: skipped, saying why, when no server is configured ({@link TestDatabases}). */
class SharedPackStorePgTest extends SharedPackStoreTest {

    @Override
    Database open(Path dir) {
        return TestDatabases.postgres(dir);
    }
}
