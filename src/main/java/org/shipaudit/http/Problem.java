package org.shipaudit.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.shipaudit.json.Violation;

/**
 * An RFC 9457 problem document, as API.md writes it: type, title, status, detail, errors with paths, and
 * {@code instance}: the request path the problem is about, or {@code urn:uuid:<error id>} for an unexpected failure
 * (the id the log records), so an operator can find the occurrence from what a client reports.
 */
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "errors", "report"})
@JsonInclude(JsonInclude.Include.NON_NULL)
record Problem(String type, String title, int status, String detail, List<Violation> errors, Object report,
               String instance) {

    static Problem of(int status, String slug, String title, String detail) {
        return new Problem("urn:shipaudit:problem:" + slug, title, status, detail, List.of(), null, null);
    }

    static Problem invalid(String detail, List<Violation> errors) {
        return new Problem("urn:shipaudit:problem:invalid-request", "Invalid request", 400, detail, errors, null, null);
    }

    /** A refused rule-pack change: the validation report rides along as an extension member (RFC 9457). */
    static Problem refused(int status, String slug, String title, String detail, Object report) {
        return new Problem("urn:shipaudit:problem:" + slug, title, status, detail, List.of(), report, null);
    }

    /** This problem about {@code instance}, unless it already names one (an error id wins over the path). */
    Problem about(String instance) {
        return this.instance != null || instance == null ? this
                : new Problem(type, title, status, detail, errors, report, instance);
    }
}
