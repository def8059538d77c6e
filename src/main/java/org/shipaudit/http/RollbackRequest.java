package org.shipaudit.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.shipaudit.json.InvalidInputException;
import org.shipaudit.json.Violation;

/**
 * The body of {@code POST /v1/rule-packs/{name}/rollback}: empty or {@code {}} for "the version active before the
 * current one", or {@code {"version": "N", "message": "..."}}. Anything else is refused naming the field, because a
 * misspelt {@code "versio"} silently meaning "previous version" would activate rules nobody asked for.
 *
 * @param version the version to reactivate, or null for the previous one
 * @param message why, recorded in the history; null for the default message
 */
record RollbackRequest(String version, String message) {

    private static final Set<String> FIELDS = Set.of("version", "message");

    static RollbackRequest parse(ObjectMapper json, byte[] body) throws IOException {
        if (body == null || body.length == 0 || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return new RollbackRequest(null, null);
        }
        JsonNode root = json.readTree(body);
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("the rollback body must be a JSON object",
                    List.of(new Violation("", "expected {} or {\"version\": \"N\", \"message\": \"...\"}, got "
                            + (root == null ? "nothing" : root.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)))));
        }
        List<Violation> errors = new ArrayList<>();
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                errors.add(new Violation(f, "unknown field; a rollback takes only \"version\" and \"message\""));
            }
        }
        String version = text(root, "version", errors);
        if (version != null && !version.matches("[\\w.\\-]{1,64}")) {
            errors.add(new Violation("version", "must be a version as listed in the history, such as \"2\""));
        }
        String message = text(root, "message", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the rollback body is not valid", errors);
        }
        return new RollbackRequest(version, message == null || message.isBlank() ? null : message);
    }

    /** The field as text, absent as null; present but null or not a string is a violation. */
    private static String text(JsonNode root, String field, List<Violation> errors) {
        if (!root.has(field)) {
            return null;
        }
        JsonNode v = root.get(field);
        if (!v.isTextual()) {
            errors.add(new Violation(field, "must be a string, got " + v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)
                    + (field.equals("version") ? "; leave the field out to roll back to the previous version" : "")));
            return null;
        }
        return v.asText();
    }
}
