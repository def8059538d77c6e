package org.shipaudit.sheets;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads a sheet on the calling thread while the consumer works on a thread of its own, so that parsing and mapping
 * rows overlap whatever the consumer does with them (rules and database for an audit, the workbook for a report).
 * Rows cross in chunks through a small bounded queue: the reader is at most a few chunks ahead, so memory stays
 * constant whatever the file size. The consumer sees the same calls in the same order as with
 * {@link InvoiceSheetReader#read}; when it throws, the read stops and its exception reaches the caller unchanged.
 */
final class ReadAhead implements SheetRowConsumer {

    /** Rows per hand-off: enough that the queue's locking is noise beside the work on each row. */
    static final int CHUNK = 256;
    /** Chunks the reader may run ahead of the consumer. */
    private static final int QUEUE = 4;
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** Queued after the last chunk; compared by identity (a chunk is never empty). */
    private static final List<Object> END = List.of();

    /** A header call, queued in order with the rows. */
    private record Header(long row, List<String> names) {
    }

    /** Stops the read once the consumer has failed; the consumer's own exception is what the caller gets. */
    private static final class ConsumerStopped extends IOException {
        ConsumerStopped() {
            super("the row consumer failed", null);
        }
    }

    private final SheetRowConsumer consumer;
    private final BlockingQueue<List<Object>> queue = new ArrayBlockingQueue<>(QUEUE);
    private List<Object> chunk = new ArrayList<>(CHUNK);
    private volatile Throwable failure;

    private ReadAhead(SheetRowConsumer consumer) {
        this.consumer = consumer;
    }

    static SheetSummary read(InvoiceSheetReader reader, java.nio.file.Path file, SheetRowConsumer consumer,
                             org.shipaudit.csv.CsvReader.Mark from) throws IOException, InvoiceSheetException {
        ReadAhead ahead = new ReadAhead(consumer);
        Thread worker = new Thread(ahead::consume, "sheet-rows-" + THREADS.incrementAndGet());
        worker.setDaemon(true);
        worker.start();
        SheetSummary summary = null;
        Throwable readFailure = null;
        try {
            summary = reader.read(file, ahead, from);
            ahead.handOff();
        } catch (IOException | InvoiceSheetException | RuntimeException | Error e) {
            readFailure = e;
        } finally {
            ahead.finish(worker);
        }
        // The consumer's failure comes first: the reader's is then only the stop it caused.
        Throwable t = ahead.failure != null ? ahead.failure : readFailure;
        if (t instanceof IOException e) {
            throw e;
        } else if (t instanceof InvoiceSheetException e) {
            throw e;
        } else if (t instanceof RuntimeException e) {
            throw e;
        } else if (t instanceof Error e) {
            throw e;
        }
        return summary;
    }

    @Override
    public void header(long row, List<String> names) throws IOException {
        add(new Header(row, names));
    }

    @Override
    public void accept(SheetRow row) throws IOException {
        add(row);
    }

    private void add(Object item) throws IOException {
        if (failure != null) {
            throw new ConsumerStopped();
        }
        chunk.add(item);
        if (chunk.size() >= CHUNK) {
            handOff();
        }
    }

    private void handOff() throws IOException {
        if (chunk.isEmpty()) {
            return;
        }
        put(chunk);
        chunk = new ArrayList<>(CHUNK);
    }

    private void put(List<Object> items) throws IOException {
        try {
            queue.put(items);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading the sheet");
        }
    }

    /** Ends the consumer's loop (after the rows queued so far) and waits for it; interrupts it if we are. */
    private void finish(Thread worker) throws IOException {
        boolean interrupted = Thread.interrupted();
        try {
            while (true) {
                try {
                    if (!interrupted) {
                        queue.put(END);
                    }
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                worker.interrupt();
            }
            while (true) {
                try {
                    worker.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    worker.interrupt();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void consume() {
        try {
            while (true) {
                List<Object> items = queue.take();
                if (items == END) {
                    return;
                }
                for (Object item : items) {
                    if (item instanceof SheetRow row) {
                        consumer.accept(row);
                    } else {
                        Header h = (Header) item;
                        consumer.header(h.row(), h.names());
                    }
                }
            }
        } catch (InterruptedException e) {
            failure = new java.io.InterruptedIOException("interrupted while consuming the sheet's rows");
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
            drain();
        }
    }

    /** After a failure: takes what the reader still queues until it sees the failure and ends. */
    private void drain() {
        try {
            while (queue.take() != END) {
                // discard
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
