package org.shipaudit.store;

import java.nio.file.Path;

/** SharedApiKeysTest on PostgreSQL: skipped, saying why, when no server is configured ({@link TestDatabases}). */
class SharedApiKeysPgTest extends SharedApiKeysTest {

    @Override
    Database open(Path dir) {
        return TestDatabases.postgres(dir);
    }
}
