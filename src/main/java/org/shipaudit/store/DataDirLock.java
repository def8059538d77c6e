package org.shipaudit.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One writer per data directory: an exclusive lock on {@code <data.dir>/.lock}, holding the owner's pid, taken before
 * anything is written there. Without it a second service on the same directory recorded rule-pack versions into the
 * first one's store before failing on the database lock. The operating system drops the lock when the process dies,
 * so a kill -9 never leaves a stale lock; the file itself stays and is simply locked again.
 */
public final class DataDirLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock or refuses, naming the directory and the pid recorded by the process holding it.
     *
     * @throws DataDirLocked when another process (or another service in this one) holds the directory
     */
    public static DataDirLock acquire(Path dataDir) {
        Path file = dataDir.resolve(".lock");
        FileChannel ch = null;
        try {
            Files.createDirectories(dataDir);
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null; // another service in this JVM holds it: the same answer as another process
            }
            if (lock == null) {
                String owner = owner(ch);
                ch.close();
                throw new DataDirLocked(dataDir, owner);
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            ch.force(true);
            return new DataDirLock(ch, lock);
        } catch (IOException e) {
            closeQuietly(ch);
            if (e instanceof java.nio.file.AccessDeniedException || "read-only file system".equals(WriteHealth.diskFull(e))) {
                // The first write of a start: a read-only mount is named here, before anything else is opened.
                throw new UncheckedIOException("the data directory " + dataDir.toAbsolutePath() + " cannot be written ("
                        + (e instanceof java.nio.file.AccessDeniedException ? "access denied" : "read-only file system")
                        + "): ShipAudit keeps its database, uploads, jobs and rule-pack versions there. Mount it"
                        + " read-write, or point data.dir at a writable directory", e);
            }
            throw new UncheckedIOException("cannot lock the data directory " + dataDir.toAbsolutePath()
                    + " (" + file.getFileName() + "): " + e.getMessage(), e);
        }
    }

    private static String owner(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(32);
        ch.read(buf, 0);
        String pid = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).trim();
        return pid.matches("\\d+") ? pid : "unknown";
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // already failing; the first error is the one to report
            }
        }
    }

    /** Releases the lock; the file stays (deleting it would race with a process about to lock it). */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }

    /** Another process holds the data directory. */
    public static final class DataDirLocked extends RuntimeException {

        DataDirLocked(Path dataDir, String pid) {
            super("the data directory " + dataDir.toAbsolutePath().normalize() + " is in use by another ShipAudit "
                    + "process (pid " + pid + "); stop it first or start this one with another data.dir");
        }
    }
}
