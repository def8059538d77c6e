package org.shipaudit.reference;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams the objects of a JSON reference file one at a time with Jackson's JsonParser: a top-level array, an
 * array under a wrapper key ({"3166-2": [...]}) or JSON Lines. Only one object is materialised at a time.
 */
final class JsonRecords {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @FunctionalInterface
    interface Handler {
        void accept(JsonNode object, long index) throws IOException;
    }

    private JsonRecords() {
    }

    /** Calls the handler for each object, numbered from 1; a syntax error names the object and line. */
    static void forEach(Path file, String displayName, Handler handler) throws IOException {
        long index = 0;
        try (InputStream in = ReferenceFiles.open(file); JsonParser p = MAPPER.createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT) {
                // Wrapper object {"key": [...]} or the first line of JSON Lines: look at the first value.
                JsonToken k = p.nextToken();
                if (k == JsonToken.FIELD_NAME) {
                    JsonToken v = p.nextToken();
                    if (v == JsonToken.START_ARRAY) {
                        index = array(p, displayName, handler, index);
                        return;
                    }
                    // JSON Lines: re-read this first object as a whole from the file again is costly; rebuild it.
                    throw new Restart();
                }
            } else if (t == JsonToken.START_ARRAY) {
                array(p, displayName, handler, index);
                return;
            }
            throw new MalformedReferenceFileException(displayName, 0, "expected a JSON array or object of records");
        } catch (Restart r) {
            lines(file, displayName, handler);
        } catch (JsonProcessingException e) {
            throw new MalformedReferenceFileException(displayName, e.getLocation() == null ? 0
                    : e.getLocation().getLineNr(), "expected valid JSON (line number given): " + e.getOriginalMessage());
        }
    }

    private static long array(JsonParser p, String name, Handler handler, long index) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                throw new MalformedReferenceFileException(name, index + 1, "expected a JSON object, found " + t);
            }
            index++;
            handler.accept(MAPPER.readTree(p), index);
        }
        return index;
    }

    private static void lines(Path file, String name, Handler handler) throws IOException {
        long index = 0;
        try (InputStream in = ReferenceFiles.open(file); JsonParser p = MAPPER.createParser(in)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.START_OBJECT) {
                    throw new MalformedReferenceFileException(name, index + 1, "expected one JSON object per line");
                }
                index++;
                handler.accept(MAPPER.readTree(p), index);
            }
        } catch (JsonProcessingException e) {
            throw new MalformedReferenceFileException(name, index + 1,
                    "expected one valid JSON object per line: " + e.getOriginalMessage());
        }
    }

    /** A text field, trimmed; empty when missing or null. */
    static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? "" : v.asText().trim();
    }

    /** A list of strings from a JSON array, or from a ";"-joined string. */
    static List<String> list(JsonNode o, String field) {
        JsonNode v = o.get(field);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isArray()) {
            v.forEach(e -> {
                if (!e.asText().isBlank()) {
                    out.add(e.asText().trim());
                }
            });
        } else if (!v.asText().isBlank()) {
            for (String s : v.asText().split(";")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }

    /** Control flow from the first-object probe to the JSON Lines reader; carries no data. */
    private static final class Restart extends RuntimeException {
        Restart() {
            super(null, null, false, false);
        }
    }
}
