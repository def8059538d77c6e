package org.shipaudit.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
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
            return isStrictUtf8(bytes) && startsWithObject(bytes) ? bytes : json.writeValueAsBytes(json.readTree(bytes));
        } catch (IOException e) {
            // The audit parsed these bytes already; failing now would mean the array was changed after it was handed over.
            throw new UncheckedIOException("the shipment as sent cannot be read back", e);
        }
    }

    /**
     * Whether the bytes are well-formed UTF-8 (RFC 3629: no overlong form, no surrogate, nothing past U+10FFFF), as
     * a strict decoder would accept them. Checked in place: decoding the body into a string only to look at it was
     * the larger part of what the trail writer allocated.
     */
    static boolean isStrictUtf8(byte[] b) {
        int i = 0;
        int n = b.length;
        while (i < n) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int more;
            int lo = 0x80;
            int hi = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                more = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                more = 2;
                lo = c == 0xE0 ? 0xA0 : 0x80; // E0 80..9F would be overlong
                hi = c == 0xED ? 0x9F : 0xBF; // ED A0..BF would be a surrogate
            } else if (c >= 0xF0 && c <= 0xF4) {
                more = 3;
                lo = c == 0xF0 ? 0x90 : 0x80; // overlong
                hi = c == 0xF4 ? 0x8F : 0xBF; // past U+10FFFF
            } else {
                return false; // a continuation byte first, C0/C1 (overlong) or F5..FF
            }
            if (i + more >= n) {
                return false;
            }
            int second = b[i + 1] & 0xFF;
            if (second < lo || second > hi) {
                return false;
            }
            for (int k = 2; k <= more; k++) {
                int next = b[i + k] & 0xFF;
                if (next < 0x80 || next > 0xBF) {
                    return false;
                }
            }
            i += more + 1;
        }
        return true;
    }

    /** JSON's own whitespace, then '{': no byte-order mark, no NULs of a UTF-16 body. */
    private static boolean startsWithObject(byte[] b) {
        for (byte c : b) {
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return c == '{';
            }
        }
        return false;
    }
}
