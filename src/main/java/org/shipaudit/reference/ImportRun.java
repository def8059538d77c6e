package org.shipaudit.reference;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;

/**
 * One file being imported: the writer, the counters of the summary, and the replace-a-source step.
 *
 * <p>A source is replaced by deleting its documents and adding the new ones before the single commit that ends the
 * file; Lucene applies a delete-by-term only to documents added before it, so readers see either the old edition
 * or the new one, never a mix, and importing the same file twice leaves the same documents.
 */
final class ImportRun {
    final IndexWriter writer;
    final String file;
    final boolean bundled;
    private final long started = System.nanoTime();
    private final Instant startedAt = Instant.now();
    /** Volatile: {@code reference import} reads it from its progress thread while the importer counts. */
    volatile long read;
    long indexed;
    final Map<String, Long> skipped = new TreeMap<>();

    ImportRun(IndexWriter writer, String file, boolean bundled) {
        this.writer = writer;
        this.file = file;
        this.bundled = bundled;
    }

    void replace(String source) throws IOException {
        writer.deleteDocuments(new Term(Fields.SOURCE, source));
    }

    void add(Document d) throws IOException {
        writer.addDocument(Payload.moveStoredFields(d));
        indexed++;
    }

    void skip(String reason) {
        skipped.merge(reason, 1L, Long::sum);
    }

    /** Records which edition of a source is loaded; one document per source, replaced with it. */
    void edition(String source, String kind, String edition, long rows) throws IOException {
        edition(source, kind, edition, rows, 0);
    }

    /** A restricted-party list's edition, with the {@code NameNormalizer} version its names were normalised with. */
    void screeningEdition(String source, String edition, long rows) throws IOException {
        edition(source, "sanctions", edition, rows, org.shipaudit.reference.screening.NameNormalizer.VERSION);
    }

    private void edition(String source, String kind, String edition, long rows, int normalizer) throws IOException {
        Document d = Fields.base(Fields.KIND_EDITION, source);
        if (normalizer > 0) {
            d.add(new StoredField("normalizer", normalizer));
        }
        Fields.key(d, Fields.editionKey(source));
        d.add(new StoredField("id", source));
        d.add(new StoredField("sourceKind", kind));
        d.add(new StoredField("edition", edition));
        d.add(new StoredField("file", file));
        d.add(new StoredField("rows", rows));
        d.add(new StoredField("bundled", bundled ? 1 : 0));
        d.add(new StoredField("importedAt", startedAt.toEpochMilli()));
        writer.addDocument(d);
    }

    ImportSummary summary(ReferenceFormat format, String source, String edition) {
        return new ImportSummary(file, format.label(), source, edition, read, indexed, Map.copyOf(skipped),
                Duration.ofNanos(System.nanoTime() - started), null);
    }
}
