package org.shipaudit.reference;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.util.BytesRef;

/**
 * The values a look-up returns, kept as one binary doc value per document instead of stored fields.
 *
 * <p>Why: stored fields are decompressed per block, which costs a few microseconds per document; a postal code
 * serving 600 places (some Peruvian codes do) then takes most of a millisecond. Doc values are read without
 * decompression, which keeps exact look-ups in the tens of microseconds at p99. Importers still build documents
 * with stored fields; {@link #moveStoredFields} turns them into the payload just before indexing.
 */
final class Payload {
    static final String FIELD = "payload";
    private static final char NAME_END = '\u0001';
    private static final char VALUE_END = '\u0002';
    private final Map<String, String> values;
    /** The encoded values, searched on each get, when the payload was read {@link #lazily}; else null. */
    private final String encoded;

    private Payload(Map<String, String> values) {
        this.values = values;
        this.encoded = null;
    }

    private Payload(String encoded) {
        this.values = null;
        this.encoded = encoded;
    }

    /**
     * The payload held as read, each value found when asked: cheaper than {@link #decode} for a reader that asks
     * for a few of a document's values (a classifier reads 4 of a tariff line's 10 for each of ~120 hits).
     */
    static Payload lazily(BytesRef bytes) {
        return new Payload(new String(bytes.bytes, bytes.offset, bytes.length, StandardCharsets.UTF_8));
    }

    /** Replaces the document's stored fields by one payload doc value holding the same names and values. */
    static Document moveStoredFields(Document d) {
        StringBuilder s = new StringBuilder(256);
        Document out = new Document();
        for (IndexableField f : d.getFields()) {
            if (f.fieldType().stored()) {
                String v = f.stringValue() != null ? f.stringValue() : String.valueOf(f.numericValue());
                s.append(f.name()).append(NAME_END).append(v).append(VALUE_END);
            } else {
                out.add(f);
            }
        }
        out.add(new BinaryDocValuesField(FIELD, new BytesRef(s.toString())));
        return out;
    }

    /** The payload of {@code doc} (segment-relative) in this segment, or an empty payload. */
    static Payload read(LeafReader leaf, int doc) throws IOException {
        BinaryDocValues dv = leaf.getBinaryDocValues(FIELD);
        if (dv == null || !dv.advanceExact(doc)) {
            return new Payload(Map.of());
        }
        return decode(dv.binaryValue());
    }

    static Payload decode(BytesRef bytes) {
        String s = new String(bytes.bytes, bytes.offset, bytes.length, StandardCharsets.UTF_8);
        Map<String, String> values = new HashMap<>(16);
        int start = 0;
        while (start < s.length()) {
            int nameEnd = s.indexOf(NAME_END, start);
            int valueEnd = s.indexOf(VALUE_END, nameEnd);
            values.put(s.substring(start, nameEnd), s.substring(nameEnd + 1, valueEnd));
            start = valueEnd + 1;
        }
        return new Payload(values);
    }

    String get(String name) {
        if (values != null) {
            return values.get(name);
        }
        // Names are followed by NAME_END and start the payload or follow a VALUE_END: no value can fake one.
        int at = 0;
        while ((at = encoded.indexOf(name, at)) >= 0) {
            int end = at + name.length();
            if ((at == 0 || encoded.charAt(at - 1) == VALUE_END) && end < encoded.length()
                    && encoded.charAt(end) == NAME_END) {
                return encoded.substring(end + 1, encoded.indexOf(VALUE_END, end + 1));
            }
            at = end;
        }
        return null;
    }

    int getInt(String name, int otherwise) {
        String v = get(name);
        return v == null ? otherwise : Integer.parseInt(v);
    }
}
