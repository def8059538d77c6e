package org.shipaudit.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.shipaudit.json.Mappers;

/** Parses a pack's {@code scenarios/*.yaml}; a malformed file is a compile error naming the file and line. */
final class ScenarioLoader {

    private ScenarioLoader() {
    }

    static List<Scenario> load(PackFiles pack, List<CompileError> errors) {
        List<Scenario> scenarios = new ArrayList<>();
        for (Map.Entry<String, byte[]> f : pack.files().entrySet()) {
            String path = f.getKey();
            if (!path.startsWith("scenarios/") || !(path.endsWith(".yaml") || path.endsWith(".yml"))) {
                continue;
            }
            try {
                Scenario s = Mappers.yaml().readValue(f.getValue(), Scenario.class).withFile(path);
                if (s.given() == null || s.given().shipment() == null && s.given().chargeLines().isEmpty()
                        && s.given().chargebacks().isEmpty() && s.given().products().isEmpty()) {
                    errors.add(new CompileError(path, 0, "given.shipment, given.chargeLines, given.chargebacks or "
                            + "given.products is required"));
                } else if (!s.given().chargebacks().isEmpty() && s.businessDate() == null) {
                    errors.add(new CompileError(path, 0, "businessDate is required with given.chargebacks: it is the "
                            + "day deadlines are judged against"));
                } else if (!s.given().products().isEmpty() && s.businessDate() == null) {
                    errors.add(new CompileError(path, 0, "businessDate is required with given.products: it is the "
                            + "day the catalog is judged on (table rows are dated)"));
                } else if (!factErrors(s).isEmpty()) {
                    factErrors(s).forEach(m -> errors.add(new CompileError(path, 0, m)));
                } else if (s.expect().isEmpty() && s.silent().isEmpty() && s.billableWeight().isEmpty()) {
                    errors.add(new CompileError(path, 0, "a scenario must expect findings, list silent rules, "
                            + "or expect billable weights"));
                } else {
                    scenarios.add(s);
                }
            } catch (IOException e) {
                int line = e instanceof JsonProcessingException jpe && jpe.getLocation() != null
                        ? jpe.getLocation().getLineNr() : 0;
                errors.add(new CompileError(path, line, Scenario.describe(e)));
            }
        }
        return List.copyOf(scenarios);
    }

    private static List<String> factErrors(Scenario s) {
        List<String> errors = new ArrayList<>();
        ScenarioFacts.convert(s.given().facts(), errors);
        return errors;
    }
}
