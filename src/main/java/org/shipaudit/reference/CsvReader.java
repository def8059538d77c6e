package org.shipaudit.reference;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming RFC 4180 reader: quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF, a leading BOM.
 *
 * <p>Reads one record at a time so a 90 MB file never sits in memory. {@link #record()} is the 1-based record
 * number and {@link #line()} the physical line where the last record started, for error messages. Not thread-safe.
 */
final class CsvReader implements Closeable {
    private final Reader in;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int len;
    private boolean first = true;
    private long line = 1;
    private long recordLine;
    private long record;

    CsvReader(Reader in) {
        this.in = in;
    }

    /** Returns the next record's fields, or null at the end of input. A blank line is an empty list. */
    List<String> next() throws IOException {
        if (first) {
            first = false;
            if (fill() && buf[pos] == '\uFEFF') {
                pos++;
            }
        }
        if (pos >= len && !fill()) {
            return null;
        }
        recordLine = line;
        record++;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean afterQuote = false;
        while (true) {
            if (pos >= len && !fill()) {
                if (quoted) {
                    throw new IOException("record " + record + " (line " + recordLine
                            + "): a quoted field is not closed before the end of the file");
                }
                fields.add(field.toString());
                return fields.size() == 1 && fields.get(0).isEmpty() ? List.of() : fields;
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
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && (pos < len || fill()) && buf[pos] == '\n') {
                    pos++;
                }
                line++;
                fields.add(field.toString());
                return fields.size() == 1 && fields.get(0).isEmpty() ? List.of() : fields;
            } else if (c == '"' && field.length() == 0 && !afterQuote) {
                quoted = true;
            } else {
                // Lenient on a stray quote inside an unquoted field: real exports have them ("12" pipe").
                field.append(c);
            }
        }
    }

    /** The 1-based number of the record last returned (the header is record 1). */
    long record() {
        return record;
    }

    /** The physical line where the record last returned starts. */
    long line() {
        return recordLine;
    }

    private boolean fill() throws IOException {
        if (pos < len) {
            return true;
        }
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
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
