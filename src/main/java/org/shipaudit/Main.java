package org.shipaudit;

import org.shipaudit.cli.AuditCatalogCommand;
import org.shipaudit.cli.AuditChargebacksCommand;
import org.shipaudit.cli.AuditCommand;
import org.shipaudit.cli.AuditInvoicesCommand;
import org.shipaudit.cli.KeysCommand;
import org.shipaudit.cli.ReferenceCommand;
import org.shipaudit.cli.RulesCommand;
import org.shipaudit.cli.ServeCommand;
import org.shipaudit.cli.Version;
import org.shipaudit.process.Fatal;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Parses the command line and runs the command asked for; nothing else. */
@Command(name = "shipaudit", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Compliance and audit service for e-commerce logistics.",
        subcommands = {ServeCommand.class, AuditCommand.class, AuditInvoicesCommand.class, AuditChargebacksCommand.class, AuditCatalogCommand.class,
                RulesCommand.class, ReferenceCommand.class, KeysCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        run(args);
    }

    /**
     * Runs the command asked for, the commands in {@code more} added to the service's own: the bench jar's entry
     * point adds {@code bench}, which the service jar does not carry (architecture.md, "Packages").
     */
    public static void run(String[] args, Object... more) {
        Fatal.install();
        int code = commandLine(more).execute(args);
        if (code != 0 || args.length == 0 || !"serve".equals(args[0])) {
            System.exit(code);
        }
    }

    /** The command tree with {@code more} top-level commands, also used by tests to run commands in-process. */
    public static CommandLine commandLine(Object... more) {
        CommandLine cl = new CommandLine(new Main());
        for (Object command : more) {
            cl.addSubcommand(command);
        }
        // Sub-commands declare no version of their own: without this, `serve --version` printed nothing.
        withVersion(cl, new Version());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            // Expected failures (bad config, invalid pack, unreadable file) print one clear message, no stack trace.
            cmd.getErr().println("error: " + ex.getMessage());
            return 2;
        });
        return cl;
    }

    private static void withVersion(CommandLine cl, Version version) {
        cl.getCommandSpec().versionProvider(version);
        cl.getSubcommands().values().forEach(sub -> withVersion(sub, version));
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
