package org.shipaudit.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.shipaudit.json.Violation;

/** An RFC 9457 problem document, as API.md writes it: type, title, status, detail, errors with paths. */
@JsonPropertyOrder({"type", "title", "status", "detail", "errors", "report"})
@JsonInclude(JsonInclude.Include.NON_NULL)
record Problem(String type, String title, int status, String detail, List<Violation> errors, Object report) {

    static Problem of(int status, String slug, String title, String detail) {
        return new Problem("urn:shipaudit:problem:" + slug, title, status, detail, List.of(), null);
    }

    static Problem invalid(String detail, List<Violation> errors) {
        return new Problem("urn:shipaudit:problem:invalid-request", "Invalid request", 400, detail, errors, null);
    }

    /** A refused rule-pack change: the validation report rides along as an extension member (RFC 9457). */
    static Problem refused(int status, String slug, String title, String detail, Object report) {
        return new Problem("urn:shipaudit:problem:" + slug, title, status, detail, List.of(), report);
    }
}
