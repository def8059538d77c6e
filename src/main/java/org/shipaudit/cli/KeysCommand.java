package org.shipaudit.cli;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.shipaudit.auth.ApiKeys;
import org.shipaudit.auth.Role;
import org.shipaudit.config.AppConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Manages API keys: {@code keys add} creates one, prints it once and stores only its hash; {@code keys list} shows
 * names, roles and creation dates (never a key); {@code keys revoke} removes one. A running service follows the file
 * within a second, without a restart. With {@code database.url} set (nodes sharing a database) the keys are the
 * database's: every node follows them; {@code keys import} copies a keys file into it once.
 */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Manage API keys.",
        subcommands = {KeysCommand.Add.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class,
                KeysCommand.Import.class})
public final class KeysCommand implements Runnable {

    @Override
    public void run() {
        picocli.CommandLine.usage(this, System.out);
    }

    /** The {@code --keys-file} option every subcommand takes, and the file meant when it is left out. */
    static final class KeysFile {

        @Option(names = "--keys-file", paramLabel = "FILE", description = "keys file (auth.keys-file)")
        Path path;

        /** The file given, or null. */
        Path given() {
            return path;
        }

        /** The file given, else the configured one. */
        Path resolve(AppConfig config) {
            return path != null ? path : config.authKeysFile();
        }
    }

    /** Work on the keys of the shared database. */
    @FunctionalInterface
    interface OnShared<T> {
        T run(ApiKeys.Shared keys) throws Exception;
    }

    /**
     * Runs {@code work} on the shared database's keys when {@code database.url} is set, else returns null (the keys
     * file is meant). A {@code --keys-file} there is refused: the nodes would not read it.
     */
    static <T> T onShared(AppConfig config, Path keysFile, OnShared<T> work) throws Exception {
        if (config.database().embedded()) {
            return null;
        }
        if (keysFile != null) {
            throw new IllegalArgumentException("--keys-file: database.url is set, and nodes sharing a database take "
                    + "their keys from it; leave --keys-file out (or copy the file in with keys import)");
        }
        try (org.shipaudit.store.Database db = ServiceAssembly.openDatabase(config)) {
            return work.run(ServiceAssembly.sharedKeyStore(config, db));
        }
    }

    /** keys add --name NAME --role ROLE... */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Create an API key, store its hash in the keys file, and print the key (shown only once).")
    static final class Add implements Callable<Integer> {

        @Mixin
        ConfigOptions options = new ConfigOptions();

        @Option(names = "--name", required = true, description = "who uses the key (recorded as author of changes)")
        String name;

        @Option(names = "--role", required = true, split = ",",
                description = "auditor, finance, rule-author or admin (repeat or comma-separate)")
        List<String> roles;

        @Mixin
        KeysFile keysFile = new KeysFile();

        @Override
        public Integer call() throws Exception {
            AppConfig config = options.load(Map.of());
            Set<Role> parsed = EnumSet.noneOf(Role.class);
            for (String r : roles) {
                try {
                    parsed.add(Role.fromWire(r));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown role '" + r + "': use auditor, finance, rule-author "
                            + "or admin");
                }
            }
            String[] where = new String[1];
            String key = onShared(config, keysFile.given(), keys -> {
                where[0] = keys.describe();
                return ApiKeys.create(keys, name, parsed);
            });
            if (key == null) {
                Path file = keysFile.resolve(config);
                where[0] = file.toString();
                key = ApiKeys.create(file, name, parsed);
            }
            System.out.println(key);
            System.err.println("Key '" + name + "' added to " + where[0] + ". Store it now: it is not shown again.");
            return 0;
        }
    }

    /** keys list: one line per key, name, roles and creation date; never the key or its hash. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List API keys: name, roles and when created (never the key).")
    static final class ListKeys implements Callable<Integer> {

        @Mixin
        ConfigOptions options = new ConfigOptions();

        @Mixin
        KeysFile keysFile = new KeysFile();

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            AppConfig config = options.load(Map.of());
            java.io.PrintWriter out = spec.commandLine().getOut();
            List<ApiKeys.KeyInfo> keys = onShared(config, keysFile.given(), ApiKeys::list);
            if (keys == null) {
                keys = ApiKeys.list(keysFile.resolve(config));
            }
            out.printf("%-24s %-32s %s%n", "NAME", "ROLES", "CREATED");
            for (ApiKeys.KeyInfo k : keys) {
                out.printf("%-24s %-32s %s%n", k.name(), k.roles().stream().map(Role::wireName).sorted()
                        .collect(java.util.stream.Collectors.joining(",")), k.created() == null ? "-" : k.created());
            }
            out.flush();
            return 0;
        }
    }

    /** keys revoke NAME: removes the key; a running service refuses it within a second. */
    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke an API key by name; a running service stops accepting it within a second.")
    static final class Revoke implements Callable<Integer> {

        @Mixin
        ConfigOptions options = new ConfigOptions();

        @picocli.CommandLine.Parameters(paramLabel = "NAME", description = "the key's name, as in keys list")
        String name;

        @Mixin
        KeysFile keysFile = new KeysFile();

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            AppConfig config = options.load(Map.of());
            String where = onShared(config, keysFile.given(), keys -> {
                ApiKeys.revoke(keys, name);
                return keys.describe();
            });
            if (where == null) {
                Path file = keysFile.resolve(config);
                ApiKeys.revoke(file, name);
                where = file.toString();
            }
            spec.commandLine().getErr().println("Key '" + name + "' revoked in " + where + ".");
            return 0;
        }
    }

    /** keys import: copies a keys file into the shared database, once, when nodes start sharing one. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Copy the keys of a keys file into the shared database (database.url), so that every node "
                    + "accepts them; names already there are left as they are.")
    static final class Import implements Callable<Integer> {

        @Mixin
        ConfigOptions options = new ConfigOptions();

        @Mixin
        KeysFile keysFile = new KeysFile();

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            AppConfig config = options.load(Map.of());
            if (config.database().embedded()) {
                throw new IllegalArgumentException("database.url: keys import copies a keys file into the database "
                        + "nodes share; set database.url (SHIPAUDIT_DATABASE_URL) to it");
            }
            Path file = keysFile.resolve(config);
            int inFile = ApiKeys.list(file).size();
            List<String> skipped = onShared(config, null, keys -> ApiKeys.importFile(file, keys));
            java.io.PrintWriter err = spec.commandLine().getErr();
            err.printf("%d of %d keys of %s copied into the shared database%s%n", inFile - skipped.size(), inFile, file,
                    skipped.isEmpty() ? "" : "; left out, a key of that name being there already: " + skipped);
            err.flush();
            return 0;
        }
    }
}
