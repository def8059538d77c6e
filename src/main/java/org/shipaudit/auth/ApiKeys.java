package org.shipaudit.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.shipaudit.json.Mappers;
import org.shipaudit.store.FileTrees;

/**
 * The API keys file: a YAML list of {@code name}, {@code sha256} (hex hash of the key) and {@code roles}. Keys are 32
 * random bytes, so a plain SHA-256 is enough to make a stolen file useless (no dictionary to try); look-up is by hash.
 */
public final class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Principal> byHash;

    private ApiKeys(Map<String, Principal> byHash) {
        this.byHash = Map.copyOf(byHash);
    }

    /** Keys file on disk; a missing file is an empty set of keys. */
    public static ApiKeys load(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new ApiKeys(Map.of());
        }
        KeysFile parsed = Mappers.yaml().readValue(file.toFile(), KeysFile.class);
        Map<String, Principal> byHash = new HashMap<>();
        List<Entry> entries = parsed == null || parsed.keys() == null ? List.of() : parsed.keys();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            String where = file + ": keys[" + i + "]";
            if (e.name() == null || e.sha256() == null || !e.sha256().matches("[0-9a-f]{64}")) {
                throw new IOException(where + " needs a name and a 64-hex-digit sha256");
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String r : e.roles() == null ? List.<String>of() : e.roles()) {
                try {
                    roles.add(Role.fromWire(r));
                } catch (IllegalArgumentException ex) {
                    throw new IOException(where + ": unknown role '" + r
                            + "' (auditor, finance, rule-author, admin)");
                }
            }
            byHash.put(e.sha256(), new Principal(e.name(), Set.copyOf(roles)));
        }
        return new ApiKeys(byHash);
    }

    public boolean isEmpty() {
        return byHash.isEmpty();
    }

    public Optional<Principal> authenticate(String presentedKey) {
        return presentedKey == null ? Optional.empty() : Optional.ofNullable(byHash.get(hash(presentedKey)));
    }

    /**
     * Creates a key, appends its hash to the file (written atomically) and returns the key: the only time it exists in
     * clear.
     */
    public static String create(Path file, String name, Set<Role> roles) throws IOException {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String key = "sa_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        List<Entry> entries = new ArrayList<>();
        if (Files.exists(file)) {
            KeysFile existing = Mappers.yaml().readValue(file.toFile(), KeysFile.class);
            if (existing != null && existing.keys() != null) {
                entries.addAll(existing.keys());
            }
        }
        if (entries.stream().anyMatch(e -> name.equals(e.name()))) {
            throw new IOException("a key named '" + name + "' already exists in " + file);
        }
        entries.add(new Entry(name, hash(key), roles.stream().map(Role::wireName).sorted().toList()));
        byte[] content = Mappers.yaml().writeValueAsString(new KeysFile(entries)).getBytes(StandardCharsets.UTF_8);
        FileTrees.writeAtomically(file, out -> out.write(content));
        return key;
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file's shape. */
    record KeysFile(List<Entry> keys) {
    }

    /** One key in the file. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(String name, String sha256, List<String> roles) {
    }
}
