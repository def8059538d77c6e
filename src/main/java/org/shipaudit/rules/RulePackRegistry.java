package org.shipaudit.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The active version of every pack. Readers take an immutable snapshot, so an audit that started on one version
 * finishes on it even if a new version is activated meanwhile; activation is a single atomic swap.
 */
public final class RulePackRegistry {

    private final AtomicReference<Map<String, RulePack>> active = new AtomicReference<>(Map.of());
    private final List<java.util.function.Consumer<Map<String, RulePack>>> listeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Compiles every pack below the rules directory (a sub-directory with a pack.yaml) and activates them all. */
    public static RulePackRegistry load(Path rulesDir) {
        if (!Files.isDirectory(rulesDir)) {
            throw new RulePackException(rulesDir.toString(),
                    List.of(new CompileError(rulesDir.toString(), 0, "rules directory does not exist")));
        }
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> list = Files.list(rulesDir)) {
            list.filter(d -> Files.isRegularFile(d.resolve("pack.yaml"))).sorted().forEach(dirs::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list rules directory " + rulesDir, e);
        }
        RulePackRegistry registry = new RulePackRegistry();
        for (Path dir : dirs) {
            registry.activate(RulePackCompiler.compile(PackFiles.read(dir)));
        }
        return registry;
    }

    /**
     * Makes {@code pack} the active version of its name and retires the version it replaces: that version's session
     * pool is shut down when the audits still running on it are done, and nothing here holds it any more.
     */
    public void activate(RulePack pack) {
        Map<String, RulePack> before;
        Map<String, RulePack> now;
        do {
            before = active.get();
            Map<String, RulePack> next = new TreeMap<>(before);
            next.put(pack.name(), pack);
            now = Collections.unmodifiableMap(next);
        } while (!active.compareAndSet(before, now));
        RulePack replaced = before.get(pack.name());
        if (replaced != null && replaced.sessions() != pack.sessions()) {
            replaced.sessions().retire();
        }
        Map<String, RulePack> activated = now;
        listeners.forEach(l -> l.accept(activated));
    }

    /** Told of every activation with the new snapshot (metrics follow versions this way); must be fast. */
    public void onActivation(java.util.function.Consumer<Map<String, RulePack>> listener) {
        listeners.add(listener);
        listener.accept(active.get());
    }

    /** The active packs by name, a snapshot that never changes under the caller. */
    public Map<String, RulePack> snapshot() {
        return active.get();
    }

    /** Pack name to active version, for results, health and the start-up log. */
    public Map<String, String> versions() {
        Map<String, String> v = new TreeMap<>();
        active.get().forEach((name, pack) -> v.put(name, pack.version()));
        return Collections.unmodifiableMap(v);
    }
}
