package org.shipaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The model's split into {@code model}, {@code model.api} and {@code model.lookup} (issue 19) left the sandbox's
 * guarantee as it was: every public class of the model, whichever sub-package holds it, and nothing else.
 */
class RuleAllowListModelTest {

    @Test
    void everyPublicModelClassIsNameableWhereverTheSplitPutIt() throws IOException {
        List<String> refused = new ArrayList<>();
        Path root = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(root.resolve("org/shipaudit/model"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.java$", "");
                if (name.endsWith("package-info")) {
                    continue;
                }
                boolean isPublic = Files.readString(f).matches("(?s).*\\npublic (final |abstract )*(class|record|enum|interface) .*");
                Optional<Class<?>> c = RuleAllowList.importable(name);
                if (c.isPresent() != isPublic) {
                    refused.add(name + (isPublic ? " refused" : " allowed though not public"));
                }
            }
        }
        assertEquals(List.of(), refused);
    }

    @Test
    void nothingOutsideTheModelJoinedTheAllowList() {
        assertTrue(RuleAllowList.importable("org.shipaudit.model.api.Shipment").isPresent());
        assertTrue(RuleAllowList.importable("org.shipaudit.model.lookup.Countries").isPresent());
        assertTrue(RuleAllowList.importable("org.shipaudit.model.PolicyLimit").isPresent());
        assertTrue(RuleAllowList.importable("org.shipaudit.modelx.Shipment").isEmpty());
        assertTrue(RuleAllowList.importable("org.shipaudit.rules.RulePackService").isEmpty());
        assertTrue(RuleAllowList.importable("org.shipaudit.bench.BenchMain").isEmpty());
        assertTrue(RuleAllowList.importable("org.shipaudit.model.Num").isEmpty(), "package-private stays out");
    }
}
