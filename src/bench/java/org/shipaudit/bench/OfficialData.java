package org.shipaudit.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.shipaudit.cli.ReferenceCommand;
import org.shipaudit.reference.ImportSummary;
import org.shipaudit.reference.ReferenceImporter;

/**
 * The official reference files imported once into a benchmark's data directory and reused on the next run: an import
 * of every shared file takes 10-20 s and a gigabyte of memory, which a bench should not pay each time. A marker next
 * to the index lists each file's path, size and modification time; while it matches, the index is reused.
 */
public final class OfficialData {

    private static final String MARKER = "bench-official-files.txt";

    private OfficialData() {
    }

    /** Imports {@code officialDir} into {@code dataDir}'s index unless it is already there; says what the index holds. */
    public static String ensure(Path officialDir, Path dataDir, PrintWriter log) throws IOException {
        Path index = ReferenceCommand.indexDir(dataDir);
        Path marker = index.resolve(MARKER);
        String listing = listing(officialDir);
        String what = "official files of " + officialDir.toAbsolutePath().normalize() + " in " + index;
        if (Files.isRegularFile(marker) && Files.readString(marker).equals(listing)) {
            log.println("reference data: reusing the " + what);
            return what;
        }
        log.println("reference data: importing the official files of " + officialDir + " into " + index
                + " (once; later runs reuse it)");
        log.flush();
        long start = System.nanoTime();
        List<ImportSummary> summaries;
        try (ReferenceImporter importer = ReferenceImporter.open(index)) {
            summaries = importer.importPaths(List.of(officialDir));
        }
        long failed = summaries.stream().filter(s -> !s.ok()).count();
        if (failed > 0) {
            throw new IOException(failed + " official file(s) failed to import: " + summaries.stream()
                    .filter(s -> !s.ok()).map(ImportSummary::describe).collect(Collectors.joining("; ")));
        }
        Files.writeString(marker, listing);
        log.printf("reference data: %d file(s) imported in %.1f s%n", summaries.size(),
                (System.nanoTime() - start) / 1e9);
        return what;
    }

    private static String listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).sorted().map(p -> {
                try {
                    return dir.relativize(p) + "\t" + Files.size(p) + "\t" + Files.getLastModifiedTime(p).toMillis();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).collect(Collectors.joining("\n", "", "\n"));
        }
    }
}
