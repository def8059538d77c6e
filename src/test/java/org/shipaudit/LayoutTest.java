package org.shipaudit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The top level of the project is the user's layout: {@code pom.xml}, {@code src}, {@code rules},
 * {@code reference-data}, {@code README.md}, and dotfiles. Anything else belongs under {@code src} (documentation and
 * its example files under {@code src/site}), so a new folder at the top fails here rather than in review.
 */
class LayoutTest {

    static final Set<String> TOP_LEVEL = Set.of("pom.xml", "src", "rules", "reference-data", "README.md");

    /** The example files moved from the top level to {@code src/site/examples}; an old path would read nothing. */
    static final Pattern OLD_EXAMPLES = Pattern.compile("(?<![\\w/.-])examples" + "/|Path\\.of\\(\"examples\"");

    @Test
    void theTopLevelHoldsOnlyTheUsersLayout() throws Exception {
        Set<String> extra = new TreeSet<>(topLevel());
        extra.removeIf(name -> TOP_LEVEL.contains(name) || name.startsWith("."));
        assertEquals(Set.of(), extra, "not part of the top-level layout (" + TOP_LEVEL + " and dotfiles): move these"
                + " under src/ (documentation and its examples under src/site/)");
    }

    @Test
    void nothingReadsTheExamplesAtTheirOldTopLevelPlace() throws IOException {
        List<String> stale = new ArrayList<>();
        List<Path> files = new ArrayList<>(List.of(Path.of("README.md"), Path.of(".ci/run")));
        for (String root : List.of("src/main/java", "src/test/java", "src/site/markdown", "rules")) {
            try (Stream<Path> walk = Files.walk(Path.of(root))) {
                walk.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".md")).forEach(files::add);
            }
        }
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                continue;
            }
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (OLD_EXAMPLES.matcher(lines.get(i)).find()) {
                    stale.add(f + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertEquals(List.of(), stale, "the example files are under src/site/examples/ now");
    }

    /**
     * The committed top-level names ({@code git ls-files}): build output and local files that .gitignore keeps out
     * (target/, data/) are not the layout. Without git (a source archive) the directory listing stands in.
     */
    private static Set<String> topLevel() throws Exception {
        Set<String> names = new TreeSet<>();
        try {
            Process git = new ProcessBuilder("git", "ls-files", "-z", "--cached").redirectErrorStream(false).start();
            byte[] out = git.getInputStream().readAllBytes();
            if (git.waitFor(30, TimeUnit.SECONDS) && git.exitValue() == 0) {
                for (String path : new String(out, StandardCharsets.UTF_8).split("\0")) {
                    if (!path.isEmpty()) {
                        names.add(path.split("/", 2)[0]);
                    }
                }
                return names;
            }
        } catch (IOException noGit) {
            // fall through to the listing
        }
        try (Stream<Path> list = Files.list(Path.of("."))) {
            list.map(p -> p.getFileName().toString()).filter(n -> !n.equals("target") && !n.equals("data"))
                    .forEach(names::add);
        }
        return names;
    }
}
