package org.shipaudit.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Which reference data the audit was enriched from, so rules can stay silent where the data cannot judge and say
 * "checked against the bundled sample only" where it can. {@code sampleOnly} lists the loaded sources that are the
 * bundled sample ("tariff:HS", "hazmat", "postal:US", ...). Absent when no reference index is configured.
 */
public final class ReferenceCoverage {

    private final List<String> loaded;
    private final List<String> sampleOnly;

    @JsonCreator
    public ReferenceCoverage(@JsonProperty("loaded") List<String> loaded,
                             @JsonProperty("sampleOnly") List<String> sampleOnly) {
        this.loaded = loaded == null ? List.of() : List.copyOf(loaded);
        this.sampleOnly = sampleOnly == null ? List.of() : List.copyOf(sampleOnly);
    }

    public List<String> getLoaded() {
        return loaded;
    }

    public List<String> getSampleOnly() {
        return sampleOnly;
    }

    public boolean has(String source) {
        return loaded.contains(source);
    }

    public boolean isSample(String source) {
        return sampleOnly.contains(source);
    }

    /** Every loaded source is the bundled sample. */
    public boolean isBundledOnly() {
        return !loaded.isEmpty() && sampleOnly.containsAll(loaded);
    }
}
