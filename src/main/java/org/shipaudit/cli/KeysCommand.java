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
 * within a second, without a restart.
 */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Manage API keys.",
        subcommands = {KeysCommand.Add.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
public final class KeysCommand implements Runnable {

    @Override
    public void run() {
        picocli.CommandLine.usage(this, System.out);
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

        @Option(names = "--keys-file", paramLabel = "FILE", description = "keys file (auth.keys-file)")
        Path keysFile;

        @Override
        public Integer call() throws Exception {
            AppConfig config = options.load(Map.of());
            Path file = keysFile != null ? keysFile : config.authKeysFile();
            Set<Role> parsed = EnumSet.noneOf(Role.class);
            for (String r : roles) {
                try {
                    parsed.add(Role.fromWire(r));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown role '" + r + "': use auditor, finance, rule-author "
                            + "or admin");
                }
            }
            String key = ApiKeys.create(file, name, parsed);
            System.out.println(key);
            System.err.println("Key '" + name + "' added to " + file + ". Store it now: it is not shown again.");
            return 0;
        }
    }

    /** keys list: one line per key, name, roles and creation date; never the key or its hash. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List API keys: name, roles and when created (never the key).")
    static final class ListKeys implements Callable<Integer> {

        @Mixin
        ConfigOptions options = new ConfigOptions();

        @Option(names = "--keys-file", paramLabel = "FILE", description = "keys file (auth.keys-file)")
        Path keysFile;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Path file = keysFile != null ? keysFile : options.load(Map.of()).authKeysFile();
            java.io.PrintWriter out = spec.commandLine().getOut();
            List<ApiKeys.KeyInfo> keys = ApiKeys.list(file);
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

        @Option(names = "--keys-file", paramLabel = "FILE", description = "keys file (auth.keys-file)")
        Path keysFile;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Path file = keysFile != null ? keysFile : options.load(Map.of()).authKeysFile();
            ApiKeys.revoke(file, name);
            spec.commandLine().getErr().println("Key '" + name + "' revoked in " + file + ".");
            return 0;
        }
    }
}
