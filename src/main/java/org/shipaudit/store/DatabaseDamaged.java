package org.shipaudit.store;

import java.nio.file.Path;

/** The database file could not be read back whole: its message names the file and how to recover it. */
public final class DatabaseDamaged extends IllegalStateException {
    DatabaseDamaged(String message, Throwable cause) {
        super(message, cause);
    }

    /** What an operator does with a damaged H2 file in {@code dir}: keep it, recover it with H2's tools, or restore. */
    static String recovery(Path dir) {
        return "Stop, keep a copy of the file, and recover what it holds with H2's recovery tool: java -cp shipaudit.jar"
                + " org.h2.tools.Recover -dir " + dir + " -db shipaudit (writes shipaudit.h2.sql beside it); then move"
                + " the damaged file away and load the script into a new one with java -cp shipaudit.jar"
                + " org.h2.tools.RunScript -url jdbc:h2:file:" + dir.resolve("shipaudit") + " -user shipaudit -script "
                + dir.resolve("shipaudit.h2.sql") + ", or restore a backup";
    }

    /** The first line of H2's message, cut: it appends its whole chunk header. */
    static String firstLine(Throwable cause) {
        String why = String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
        return why.length() > 240 ? why.substring(0, 240) + "..." : why;
    }
}
