package org.shipaudit.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The result of checking a ship-from or ship-to address against the loaded postal data. {@code postalChecked} is
 * false when the country has no postal data (the address was not judged). {@code postalCodeUnknown}: the code does
 * not exist in the data; {@code stateMismatch}: the code is in another state; {@code cityMismatch}: the code does not
 * serve the city. {@code issues} are "field: message" lines and {@code candidates} one-line addresses that would be
 * consistent. {@code sampleDataOnly}: checked against the bundled sample, which cannot prove a code unknown.
 * Added by the audit's enrichment; scenario files may supply it.
 */
public final class AddressCheck {

    private final String subject;
    private final boolean valid;
    private final boolean postalChecked;
    private final boolean postalCodeUnknown;
    private final boolean stateMismatch;
    private final boolean cityMismatch;
    private final List<String> issues;
    private final List<String> candidates;
    private final List<String> places;
    private final boolean sampleDataOnly;

    @JsonCreator
    public AddressCheck(@JsonProperty("subject") String subject, @JsonProperty("valid") boolean valid,
                        @JsonProperty("postalChecked") boolean postalChecked,
                        @JsonProperty("postalCodeUnknown") boolean postalCodeUnknown,
                        @JsonProperty("stateMismatch") boolean stateMismatch,
                        @JsonProperty("cityMismatch") boolean cityMismatch,
                        @JsonProperty("issues") List<String> issues,
                        @JsonProperty("candidates") List<String> candidates,
                        @JsonProperty("places") List<String> places,
                        @JsonProperty("sampleDataOnly") boolean sampleDataOnly) {
        this.subject = subject;
        this.valid = valid;
        this.postalChecked = postalChecked;
        this.postalCodeUnknown = postalCodeUnknown;
        this.stateMismatch = stateMismatch;
        this.cityMismatch = cityMismatch;
        this.issues = issues == null ? List.of() : List.copyOf(issues);
        this.candidates = candidates == null ? List.of() : List.copyOf(candidates);
        this.places = places == null ? List.of() : List.copyOf(places);
        this.sampleDataOnly = sampleDataOnly;
    }

    /** {@code shipTo} or {@code shipFrom}. */
    public String getSubject() {
        return subject;
    }

    public boolean isValid() {
        return valid;
    }

    public boolean isPostalChecked() {
        return postalChecked;
    }

    public boolean isPostalCodeUnknown() {
        return postalCodeUnknown;
    }

    public boolean isStateMismatch() {
        return stateMismatch;
    }

    public boolean isCityMismatch() {
        return cityMismatch;
    }

    public List<String> getIssues() {
        return issues;
    }

    public List<String> getCandidates() {
        return candidates;
    }

    /** The places the postal code serves, "10001 New York, NY". */
    public List<String> getPlaces() {
        return places;
    }

    public boolean isSampleDataOnly() {
        return sampleDataOnly;
    }
}
