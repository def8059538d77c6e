package org.shipaudit.store;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A decision's two JSON texts (the answer as sent and the shipment as received, both UTF-8) as the one value the trail
 * keeps ({@code audit_trail.packed}): a four-byte length of the answer, the answer, the shipment, deflated together.
 * Kept as two CLOBs they cost H2 about 6 KB of pages per decision, and its background writer (which writes and later
 * rewrites those pages) several times the writer thread's own CPU; deflated, the pair is about a sixth of that, since
 * the shipment and its answer repeat each other's ids, codes and field names. The fastest level: the trail is written
 * far more often than it is read, and level 1 already gets most of the ratio.
 */
final class PackedDecision {

    private PackedDecision() {
    }

    /**
     * Packs the decisions of one batch, reusing its deflater and buffers: fresh ones per decision were, after the
     * body's text, most of what the trail writer allocated. Not thread-safe; close it to free the deflater's memory.
     */
    static final class Packer implements AutoCloseable {

        private final Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        private final byte[] buf = new byte[8192];
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(4096);

        /** The answer and the shipment, one value. */
        byte[] pack(byte[] answer, byte[] shipment) {
            deflater.reset();
            out.reset();
            byte[] head = {(byte) (answer.length >>> 24), (byte) (answer.length >>> 16), (byte) (answer.length >>> 8),
                    (byte) answer.length};
            deflater.setInput(head);
            drain();
            deflater.setInput(answer);
            drain();
            deflater.setInput(shipment);
            deflater.finish();
            while (!deflater.finished()) {
                out.write(buf, 0, deflater.deflate(buf));
            }
            return out.toByteArray();
        }

        private void drain() {
            while (!deflater.needsInput()) {
                out.write(buf, 0, deflater.deflate(buf));
            }
        }

        @Override
        public void close() {
            deflater.end();
        }
    }

    /** The answer's text; the shipment's too unless {@code withShipment} is false (then null). */
    static String[] unpack(byte[] packed, boolean withShipment) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(packed);
            byte[] head = new byte[4];
            inflateFully(inflater, head);
            byte[] answer = new byte[ByteBuffer.wrap(head).getInt()];
            inflateFully(inflater, answer);
            String shipment = null;
            if (withShipment) {
                ByteArrayOutputStream rest = new ByteArrayOutputStream(answer.length);
                byte[] buf = new byte[8192];
                while (!inflater.finished()) {
                    int n = inflater.inflate(buf);
                    if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        throw new IllegalStateException("a packed decision ends early");
                    }
                    rest.write(buf, 0, n);
                }
                shipment = rest.toString(StandardCharsets.UTF_8);
            }
            return new String[] {new String(answer, StandardCharsets.UTF_8), shipment};
        } catch (DataFormatException e) {
            throw new IllegalStateException("a packed decision cannot be read: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    private static void inflateFully(Inflater inflater, byte[] into) throws DataFormatException {
        int off = 0;
        while (off < into.length) {
            int n = inflater.inflate(into, off, into.length - off);
            if (n == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                throw new IllegalStateException("a packed decision ends early");
            }
            off += n;
        }
    }
}
