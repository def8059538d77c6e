package org.shipaudit.store;

import java.nio.file.Path;

/** ShippedPackageStoreTest on PostgreSQL: skipped, saying why, when no server is configured ({@link TestDatabases}). */
class ShippedPackageStorePgTest extends ShippedPackageStoreTest {

    @Override
    Database open(Path dir) {
        return TestDatabases.postgres(dir);
    }
}
