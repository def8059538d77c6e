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
    private final org.shipaudit.store.Database shared;

    public MappingStore(Path dir) {
        this(dir, null);
    }

    /** @param shared the database every node shares, or null to keep mappings as files in {@code dir} */
    public MappingStore(Path dir, org.shipaudit.store.Database shared) {
        this.dir = dir;
        this.shared = shared;
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
                saveShared(name, mapping.toJson());
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
            return sql(c -> {
                try (var ps = c.prepareStatement("SELECT name FROM column_mappings ORDER BY name");
                     var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
                return names;
            });
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

    /** Replaces the mapping of that name in the shared database (delete and insert: the same SQL on both engines). */
    private void saveShared(String name, String json) {
        sql(c -> {
            c.setAutoCommit(false);
            try (var del = c.prepareStatement("DELETE FROM column_mappings WHERE name = ?");
                 var ins = c.prepareStatement("INSERT INTO column_mappings (name, mapping, saved_at) VALUES (?,?,?)")) {
                del.setString(1, name);
                del.executeUpdate();
                ins.setString(1, name);
                ins.setString(2, json);
                ins.setObject(3, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
                ins.executeUpdate();
                c.commit();
            } catch (java.sql.SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            return null;
        });
    }

    private Optional<ColumnMapping> sharedMapping(String name) {
        String json = sql(c -> {
            try (var ps = c.prepareStatement("SELECT mapping FROM column_mappings WHERE name = ?")) {
                ps.setString(1, name);
                try (var rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ColumnMapping.fromJson(new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read column mapping " + name, e);
        }
    }

    private interface Sql<T> {
        T apply(java.sql.Connection c) throws java.sql.SQLException;
    }

    private <T> T sql(Sql<T> work) {
        try (java.sql.Connection c = shared.connection()) {
            return work.apply(c);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("database: " + e.getMessage(), e);
        }
    }
}
