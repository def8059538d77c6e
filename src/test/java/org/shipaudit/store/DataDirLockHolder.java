package org.shipaudit.store;

/** A separate process for {@link DataDirLockTest}: takes the lock of the directory given, says so, and waits. */
public final class DataDirLockHolder {

    private DataDirLockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (DataDirLock lock = DataDirLock.acquire(java.nio.file.Path.of(args[0]))) {
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(60_000);
        }
    }
}
