package org.shipaudit.sheets;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import org.shipaudit.findings.Finding;
import org.shipaudit.json.Mappers;

/**
 * Streams findings as the JSON of {@code GET /v1/jobs/{id}/findings}: {@code {"findings": [Finding, ...]}}, one
 * finding at a time so a large job never builds the whole array in memory. Uses the project's shared mapper (money
 * as decimal strings). {@link #close()} ends the document and closes the stream. Not thread-safe.
 */
public final class FindingsJsonWriter implements Closeable {
    private final ObjectMapper mapper = Mappers.json();
    private final JsonGenerator json;

    public FindingsJsonWriter(OutputStream out) throws IOException {
        json = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8);
        json.writeStartObject();
        json.writeArrayFieldStart("findings");
    }

    public void write(Finding f) throws IOException {
        mapper.writeValue(json, f);
    }

    public void writeAll(Iterable<Finding> findings) throws IOException {
        for (Finding f : findings) {
            write(f);
        }
    }

    @Override
    public void close() throws IOException {
        json.writeEndArray();
        json.writeEndObject();
        json.close();
    }
}
