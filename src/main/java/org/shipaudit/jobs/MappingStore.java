package org.shipaudit.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.shipaudit.sheets.ColumnMapping;
import org.shipaudit.sheets.InvoiceProfile;
import org.shipaudit.sheets.InvoiceSheetReader;
import org.shipaudit.store.FileTrees;
import org.shipaudit.store.SharedColumnMappings;

/**
 * Saved column mappings for invoice layouts no built-in profile reads, as {@code <dir>/<name>.json}. A job selects
 * one with the profile {@code mapping:<name>}. Writes are atomic (temporary file, then rename). On a database shared by
 * several nodes the mappings live in it instead ({@code column_mappings}), so a job naming one runs on any node.
 */
public final class MappingStore {

    public static final String PREFIX = "mapping:";
    /** The layouts read without a saved mapping: the invoice layouts, and the Shopify catalog export. */
    public static final java.util.Set<String> BUILT_IN_PROFILES = java.util.Set.of("auto", "generic", "ups-billing",
            "fedex-billing", "shopify");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final Path dir;
    /** The shared database holding the mappings, or null to keep them as files in {@link #dir}. */
    private final SharedColumnMappings shared;

    public MappingStore(Path dir) {
        this(dir, null);
    }

    /** @param shared the database every node shares, or null to keep mappings as files in {@code dir} */
    public MappingStore(Path dir, org.shipaudit.store.Database shared) {
        this.dir = dir;
        this.shared = shared == null ? null : new SharedColumnMappings(shared);
    }

    /**
     * Validates and stores a mapping under its URL name (the JSON's own name must match).
     *
     * @throws JobRefused 400 naming what is wrong
     */
    public ColumnMapping save(String name, InputStream json) {
        requireName(name);
        ColumnMapping mapping;
        try {
            mapping = ColumnMapping.fromJson(json);
        } catch (IOException | IllegalArgumentException e) {
            throw new JobRefused(400, "not a valid column mapping: " + e.getMessage());
        }
        if (!name.equals(mapping.name())) {
            throw new JobRefused(400, "the mapping's name is '" + mapping.name() + "' but it is saved as '" + name + "'");
        }
        try {
            if (shared != null) {
                shared.save(name, mapping.toJson());
                return mapping;
            }
            byte[] content = mapping.toJson().getBytes(StandardCharsets.UTF_8);
            FileTrees.writeAtomically(dir.resolve(name + ".json"), out -> out.write(content));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save column mapping " + name, e);
        }
        return mapping;
    }

    public Optional<ColumnMapping> get(String name) {
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        if (shared != null) {
            return sharedMapping(name);
        }
        Path file = dir.resolve(name + ".json");
        try {
            return Files.exists(file) ? Optional.of(ColumnMapping.load(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read column mapping " + name, e);
        }
    }

    public List<String> names() {
        List<String> names = new ArrayList<>();
        if (shared != null) {
            return shared.names();
        }
        if (Files.isDirectory(dir)) {
            try (Stream<Path> list = Files.list(dir)) {
                list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json") && !n.startsWith("."))
                        .map(n -> n.substring(0, n.length() - 5)).sorted().forEach(names::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    /**
     * A profile as given by a client, normalised (blank means {@code auto}; case and spaces ignored) and checked.
     *
     * @throws JobRefused 400 for a profile that is neither built in nor {@code mapping:<name>}
     */
    public static String profileId(String profile) {
        String p = profile == null || profile.isBlank() ? "auto" : profile.trim().toLowerCase(java.util.Locale.ROOT);
        if (!BUILT_IN_PROFILES.contains(p) && !p.startsWith(PREFIX)) {
            throw new JobRefused(400, "profile must be one of " + BUILT_IN_PROFILES
                    + " or mapping:<saved mapping name>, got '" + p + "'");
        }
        return p;
    }

    /** The sheet reader for a profile id: a built-in profile, or a saved mapping read as the generic profile. */
    public InvoiceSheetReader reader(String profile, long maxBytes) {
        InvoiceSheetReader reader = profile.startsWith(PREFIX)
                ? new InvoiceSheetReader(forProfile(profile))
                : new InvoiceSheetReader(InvoiceProfile.fromId(profile));
        return reader.withMaxBytes(maxBytes);
    }

    /** The mapping a profile id names ({@code mapping:acme-dhl}), or 400 if there is none. */
    public ColumnMapping forProfile(String profile) {
        String name = profile.substring(PREFIX.length());
        return get(name).orElseThrow(() -> new JobRefused(400, "no saved column mapping '" + name
                + "'; save it first with PUT /v1/mappings/" + name));
    }

    private static void requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new JobRefused(400, "a mapping name is lower-case letters, digits and '-', got '" + name + "'");
        }
    }

    private Optional<ColumnMapping> sharedMapping(String name) {
        String json = shared.find(name).orElse(null);
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ColumnMapping.fromJson(new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read column mapping " + name, e);
        }
    }
}
