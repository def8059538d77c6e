package org.shipaudit.reference;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which reference sources the index holds, with their editions and row counts.
 *
 * <p>Postal data is one source per country ({@code postal:US}); tariffs one per schedule ({@code tariff:HTSUS}).
 * {@code bundledOnly} is true when every loaded source came from the bundled sample (or nothing is loaded). Sources
 * are also held by id: audits ask {@link #has} and {@link #source} per item, address and charge line, against well
 * over a hundred sources once the postal data of every country is loaded. Immutable.
 */
public final class Coverage {

    /**
     * One imported source: its id, edition label, the file it came from, documents indexed, and when.
     *
     * @param normalizer for a restricted-party list, the {@code NameNormalizer} version its names were normalised
     *                   with at import (0: imported before versions were recorded); 0 for other sources
     */
    public record Source(String id, String kind, String edition, String file, long rows, boolean bundled,
                         Instant importedAt, int normalizer) {

        /** A restricted-party list imported under another name normaliser than this build's: to be imported again. */
        public boolean staleNames() {
            return "sanctions".equals(kind) && normalizer != org.shipaudit.reference.screening.NameNormalizer.VERSION;
        }
    }

    /**
     * What an operator must do about the loaded sources, one sentence each: today the restricted-party lists imported
     * under another name normaliser, which match names on other tokens than the queries until imported again.
     */
    public List<String> problems() {
        return sources.stream().filter(Source::staleNames).map(s -> "restricted-party list " + s.id()
                + " (" + s.file() + ") was imported with name normaliser version " + s.normalizer() + "; this build"
                + " normalises names with version " + org.shipaudit.reference.screening.NameNormalizer.VERSION
                + ", so some listed names match less well until the list is imported again (reference import)")
                .toList();
    }

    private final List<Source> sources;
    private final boolean bundledOnly;
    private final Map<String, Source> byId = new LinkedHashMap<>();

    /** @param sources in id order */
    public Coverage(List<Source> sources, boolean bundledOnly) {
        this.sources = List.copyOf(sources);
        this.bundledOnly = bundledOnly;
        for (Source s : this.sources) {
            byId.putIfAbsent(s.id(), s);
        }
    }

    public List<Source> sources() {
        return sources;
    }

    public boolean bundledOnly() {
        return bundledOnly;
    }

    /** The source with this id, e.g. "tariff:HTSUS", "hazmat", "postal:DE", "countries". */
    public Optional<Source> source(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The countries with postal data loaded, as ISO alpha-2 codes in order. */
    public List<String> postalCountries() {
        return sources.stream().map(Source::id).filter(id -> id.startsWith("postal:")).map(id -> id.substring(7))
                .sorted().toList();
    }

    /** True when the source is loaded. */
    public boolean has(String id) {
        return byId.containsKey(id);
    }
}
