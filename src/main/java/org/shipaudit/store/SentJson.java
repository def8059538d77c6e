package org.shipaudit.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A shipment's JSON as the caller sent it, held for the decision trail in whatever form costs the audit nothing: the
 * request's own bytes when the body is the shipment (a single audit), else the element the batch parser already built.
 * Turning either into text is the trail writer's work, off the request path. Bytes are the trail's text as they are
 * when they are UTF-8 JSON starting with its object (what every client sends, RFC 8259 section 8.1); a body in another
 * encoding Jackson also reads (UTF-16, a byte-order mark) or with malformed UTF-8 inside a string is parsed again and
 * written as JSON, so the trail never holds text that does not parse back to what was audited.
 */
public final class SentJson {

    private final byte[] bytes;
    private final JsonNode node;

    private SentJson(byte[] bytes, JsonNode node) {
        this.bytes = bytes;
        this.node = node;
    }

    /** The body as received; the caller must not change the array afterwards. */
    public static SentJson asReceived(byte[] body) {
        return new SentJson(Objects.requireNonNull(body), null);
    }

    /** An element of a parsed body (one shipment of a batch), never modified after parsing. */
    public static SentJson parsed(JsonNode node) {
        return new SentJson(null, Objects.requireNonNull(node));
    }

    /** The JSON kept in the trail, as UTF-8: the body itself when it is plain UTF-8 JSON, else written anew. */
    byte[] utf8(ObjectMapper json) {
        try {
            if (node != null) {
                return json.writeValueAsBytes(node);
            }
            String utf8 = strictUtf8(bytes);
            return utf8 != null && startsWithObject(utf8) ? bytes : json.writeValueAsBytes(json.readTree(bytes));
        } catch (IOException e) {
            // The audit parsed these bytes already; failing now would mean the array was changed after it was handed over.
            throw new UncheckedIOException("the shipment as sent cannot be read back", e);
        }
    }

    private static String strictUtf8(byte[] b) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** JSON's own whitespace, then '{': no byte-order mark, no NULs of a UTF-16 body. */
    private static boolean startsWithObject(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return c == '{';
            }
        }
        return false;
    }
}
