package org.shipaudit.reference;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which reference sources the index holds, with their editions and row counts.
 *
 * <p>Postal data is one source per country ({@code postal:US}); tariffs one per schedule ({@code tariff:HTSUS}).
 * {@code bundledOnly} is true when every loaded source came from the bundled sample (or nothing is loaded).
 */
public record Coverage(List<Source> sources, boolean bundledOnly) {

    /** One imported source: its id, edition label, the file it came from, documents indexed, and when. */
    public record Source(String id, String kind, String edition, String file, long rows, boolean bundled,
                         Instant importedAt) {
    }

    /** The source with this id, e.g. "tariff:HTSUS", "hazmat", "postal:DE", "countries". */
    public Optional<Source> source(String id) {
        return sources.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The countries with postal data loaded, as ISO alpha-2 codes in order. */
    public List<String> postalCountries() {
        return sources.stream().map(Source::id).filter(id -> id.startsWith("postal:")).map(id -> id.substring(7))
                .sorted().toList();
    }

    /** True when the source is loaded. */
    public boolean has(String id) {
        return source(id).isPresent();
    }
}
