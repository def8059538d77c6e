package org.shipaudit.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.shipaudit.json.InvalidInputException;
import org.shipaudit.json.Violation;

/**
 * Refuses a request whose path or query string has a malformed percent-escape ({@code %ZZ}, a lone {@code %}), escapes
 * that do not decode to UTF-8, or a NUL, with a 400 naming where. It runs before every route, so no handler sees a
 * parameter Vert.x cannot decode (which throws inside {@code getParam}) or one it decoded with replacement characters.
 */
final class UriCheck implements Handler<RoutingContext> {

    @Override
    public void handle(RoutingContext ctx) {
        String uri = ctx.request().uri();
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        String inPath = check(path);
        String inQuery = inPath == null && q >= 0 ? check(uri.substring(q + 1)) : null;
        if (inPath != null || inQuery != null) {
            Violation v = inPath != null ? new Violation("path", "the path " + inPath)
                    : new Violation("query", "the query string " + inQuery);
            Problems.fail(ctx, new InvalidInputException("the request URI is malformed", List.of(v)));
            return;
        }
        ctx.next();
    }

    /** Null when every escape of {@code part} is well formed and the whole decodes as UTF-8, else what is wrong. */
    static String check(String part) {
        ByteBuffer bytes = ByteBuffer.allocate(part.length() * 4);
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '%') {
                if (!hex(part, i + 1) || !hex(part, i + 2)) {
                    return "has a malformed percent-escape at character " + (i + 1) + " ('"
                            + part.substring(i, Math.min(part.length(), i + 3)) + "'); write % as %25";
                }
                int b = Integer.parseInt(part, i + 1, i + 3, 16);
                if (b == 0) {
                    return "has a NUL (%00) at character " + (i + 1);
                }
                bytes.put((byte) b);
                i += 2;
            } else if (c == 0) {
                return "has a NUL at character " + (i + 1);
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
        } catch (CharacterCodingException e) {
            return "has percent-escapes that are not UTF-8";
        }
        return null;
    }

    private static boolean hex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
    }
}
