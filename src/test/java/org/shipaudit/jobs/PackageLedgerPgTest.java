package org.shipaudit.jobs;

import java.nio.file.Path;
import org.shipaudit.store.Database;
import org.shipaudit.store.TestDatabases;

/** PackageLedgerTest on PostgreSQL: skipped, saying why, when no server is configured ({@link TestDatabases}). */
class PackageLedgerPgTest extends PackageLedgerTest {

    @Override
    Database open(Path dir) {
        return TestDatabases.postgres(dir);
    }
}
