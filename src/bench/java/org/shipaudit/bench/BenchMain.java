package org.shipaudit.bench;

import org.shipaudit.Main;
import org.shipaudit.cli.BenchCommand;
import picocli.CommandLine;

/**
 * The bench jar's entry point ({@code java -jar target/shipaudit-bench.jar bench ...}): the service's command line
 * with {@code bench} added. The harness is a source set of its own so the service jar does not carry it; every other
 * command runs here as it does from {@code target/shipaudit.jar}, which this jar names on its class path.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        Main.run(args, new BenchCommand());
    }

    /** The command tree with {@code bench}, for tests that run a benchmark command in-process. */
    public static CommandLine commandLine() {
        return Main.commandLine(new BenchCommand());
    }
}
