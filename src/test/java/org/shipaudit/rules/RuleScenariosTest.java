package org.shipaudit.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every scenario of every pack in rules/ runs as its own test, named after its file. */
class RuleScenariosTest {

    static final Path RULES = Path.of("rules");

    static List<Path> packDirs() throws IOException {
        try (Stream<Path> list = Files.list(RULES)) {
            return list.filter(d -> Files.isRegularFile(d.resolve("pack.yaml"))).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicNode> everyScenarioOfEveryPackPasses() throws IOException {
        return packDirs().stream().map(dir -> {
            RulePack pack = RulePackCompiler.compile(PackFiles.read(dir));
            return DynamicContainer.dynamicContainer(pack.name(), pack.scenarios().stream()
                    .map(s -> DynamicTest.dynamicTest(s.file(), () -> {
                        ScenarioResult r = ScenarioRunner.run(pack, s);
                        assertTrue(r.passed(), () -> s.file() + ": " + String.join("; ", r.failures()));
                    })));
        });
    }
}
