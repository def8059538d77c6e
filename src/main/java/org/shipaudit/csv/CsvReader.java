package org.shipaudit.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming RFC 4180 reader, the one CSV parser of the project: quoted fields, doubled quotes, line breaks inside
 * quotes, CRLF or LF, a leading BOM, and a separator that is {@code ,}, {@code ;} or tab (given, or detected from the
 * first line outside quotes).
 *
 * <p>Reads one record at a time so a 2 GB file never sits in memory; a single record is capped at
 * {@link #MAX_RECORD_CHARS} so an unclosed quote in a huge file fails instead of filling the heap. {@link #record()}
 * is the 1-based record number (blank lines count, as a spreadsheet program shows them) and {@link #line()} the
 * physical line where the last record started, for error messages. Not thread-safe.
 */
public final class CsvReader implements Closeable {

    /** The longest record accepted, in characters: far above any real invoice row, far below the heap. */
    public static final int MAX_RECORD_CHARS = 4 * 1024 * 1024;

    private final Reader in;
    private final char[] buf = new char[1 << 16];
    private final StringBuilder field = new StringBuilder(64);
    private char separator;
    private final boolean detect;
    private int pos;
    private int len;
    private boolean first = true;
    private long line = 1;
    private long recordLine;
    private long record;
    private int lastWidth = 8;
    /** Characters read before {@code buf[0]}, and where the record last returned starts. */
    private long base;
    private long recordStart;

    /**
     * Where a record starts in the decoded text: its first character (counting a byte-order mark), its 1-based record
     * number and its physical line. A reader of the same text {@link #seek}s to it without tokenizing what lies
     * before, so a part of a large file is read from its first record on.
     */
    public record Mark(long chars, long record, long line) {
    }

    /** A comma-separated reader (the reference files). */
    public CsvReader(Reader in) {
        this(in, ',');
    }

    /** A reader with a known separator. */
    public CsvReader(Reader in, char separator) {
        this.in = in;
        this.separator = separator;
        this.detect = false;
    }

    private CsvReader(Reader in, boolean detect) {
        this.in = in;
        this.separator = ',';
        this.detect = detect;
    }

    /**
     * A reader that picks {@code ,}, {@code ;} or tab, whichever occurs most often outside quotes on the first line
     * (comma on a tie or when there is none): European exports use {@code ;} because the comma is their decimal mark.
     */
    public static CsvReader detectingSeparator(Reader in) {
        return new CsvReader(in, true);
    }

    /** The separator in use; after the first {@link #next()} when detecting. */
    public char separator() {
        return separator;
    }

    /** Returns the next record's fields, or null at the end of input. A blank line is an empty list. */
    public List<String> next() throws IOException {
        if (first) {
            first = false;
            if (fill() && buf[pos] == '\uFEFF') {
                pos++;
            }
            if (detect) {
                separator = detectSeparator();
            }
        }
        if (pos >= len && !fill()) {
            return null;
        }
        recordLine = line;
        recordStart = base + pos;
        record++;
        List<String> fields = new ArrayList<>(lastWidth);
        StringBuilder field = this.field;
        field.setLength(0);
        char sep = separator;
        boolean quoted = false;
        boolean afterQuote = false;
        int recordChars = 0;
        while (true) {
            if (pos >= len) {
                recordChars += len;
                if (recordChars > MAX_RECORD_CHARS) {
                    throw new IOException("record " + record + " (line " + recordLine + ") is longer than "
                            + MAX_RECORD_CHARS + " characters" + (quoted ? ": a quote is probably never closed" : ""));
                }
                if (!fill()) {
                    if (quoted) {
                        throw new IOException("record " + record + " (line " + recordLine
                                + "): a quoted field is not closed before the end of the file");
                    }
                    return finish(fields, field);
                }
            }
            if (!quoted && !afterQuote && field.length() == 0) {
                // Fast path: copy a plain unquoted field straight from the buffer.
                int start = pos;
                int i = pos;
                char[] b = buf;
                int end = len;
                while (i < end) {
                    char c = b[i];
                    if (c == sep || c == '\n' || c == '\r' || c == '"') {
                        break;
                    }
                    i++;
                }
                if (i > start) {
                    if (i < end && b[i] != '"') {
                        fields.add(new String(b, start, i - start));
                        pos = i;
                        char c = b[pos++];
                        if (c == sep) {
                            continue;
                        }
                        endOfLine(c);
                        return finish(fields, null);
                    }
                    field.append(b, start, i - start);
                    pos = i;
                    continue;
                }
            }
            char c = buf[pos++];
            if (quoted) {
                if (c == '"') {
                    if (pos >= len && !fill()) {
                        quoted = false;
                        afterQuote = true;
                        continue;
                    }
                    if (buf[pos] == '"') {
                        field.append('"');
                        pos++;
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                continue;
            }
            if (c == sep) {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
            } else if (c == '\n' || c == '\r') {
                endOfLine(c);
                return finish(fields, field);
            } else if (c == '"' && field.length() == 0 && !afterQuote) {
                quoted = true;
            } else {
                // Lenient on a stray quote inside an unquoted field: real exports have them ("12" pipe").
                field.append(c);
            }
        }
    }

    private void endOfLine(char c) throws IOException {
        if (c == '\r' && (pos < len || fill()) && buf[pos] == '\n') {
            pos++;
        }
        line++;
    }

    private List<String> finish(List<String> fields, StringBuilder last) {
        if (last != null) {
            fields.add(last.toString());
            last.setLength(0);
        }
        lastWidth = Math.max(lastWidth, fields.size());
        return fields.size() == 1 && fields.get(0).isEmpty() ? List.of() : fields;
    }

    /** Counts candidate separators on the first line in the buffer, outside quotes. */
    private char detectSeparator() {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = pos; i < len; i++) {
            char c = buf[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == '\n' || c == '\r') {
                    break;
                } else if (c == ',') {
                    commas++;
                } else if (c == ';') {
                    semicolons++;
                } else if (c == '\t') {
                    tabs++;
                }
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }

    /** The 1-based number of the record last returned (the header is record 1). */
    public long record() {
        return record;
    }

    /** The physical line where the record last returned starts. */
    public long line() {
        return recordLine;
    }

    /** Where the record last returned starts. */
    public Mark mark() {
        return new Mark(recordStart, record, recordLine);
    }

    /**
     * Moves forward so that the next record returned is the one at {@code mark} (taken by a reader of the same
     * text), numbered as there; what lies between is decoded and dropped, not split into fields.
     *
     * @throws IllegalArgumentException for a mark behind the position; an {@link java.io.EOFException} past the end
     */
    public void seek(Mark mark) throws IOException {
        long here = base + pos;
        if (mark.chars() < here) {
            throw new IllegalArgumentException("cannot seek back from character " + here + " to " + mark.chars());
        }
        if (mark.chars() <= base + len) {
            pos = (int) (mark.chars() - base);
        } else {
            long left = mark.chars() - (base + len);
            while (left > 0) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new java.io.EOFException("the text ends before character " + mark.chars());
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
            base = mark.chars();
            pos = 0;
            len = 0;
        }
        record = mark.record() - 1;
        line = mark.line();
    }

    private boolean fill() throws IOException {
        if (pos < len) {
            return true;
        }
        base += len;
        int n = in.read(buf, 0, buf.length);
        while (n == 0) {
            n = in.read(buf, 0, buf.length);
        }
        if (n < 0) {
            len = pos = 0;
            return false;
        }
        pos = 0;
        len = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
