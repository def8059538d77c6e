package org.shipaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.shipaudit.model.ChargeLine;
import org.shipaudit.model.ChargeLineBuilder;
import org.shipaudit.model.ChargeType;
import org.shipaudit.model.ExpectedCharges;
import org.shipaudit.model.SurchargeKind;
import org.shipaudit.rules.EvaluationLimits;
import org.shipaudit.rules.RulePack;
import org.shipaudit.rules.RulePackRegistry;

/**
 * Invoiced packages that share ship date, carrier, service and country share one audit context in the weights pack's
 * session ({@link WeightsSession}); what the pack expects of each must be what it expects of the package judged
 * alone, or the sharing would let one package's weight move another's bill.
 */
class WeightsSessionTest {

    @Test
    void aPackageSharingItsContextIsExpectedWhatItIsExpectedAlone() {
        RulePack weights = InvoiceAuditor.expectationsPack(RulePackRegistry.load(Path.of("rules")).snapshot());
        Random random = new Random(20);
        String[] carriers = {"UPS", "FEDEX", "USPS", "DHL"};
        String[] services = {"GROUND", "NEXT_DAY_AIR", "HOME_DELIVERY", "PRIORITY_MAIL"};
        // Both sides of UPS's 2025-08-18 divisor change, few enough dates and services that contexts are shared.
        LocalDate[] dates = {LocalDate.of(2025, 8, 15), LocalDate.of(2025, 8, 18), LocalDate.of(2026, 11, 9)};
        List<ChargeLine> lines = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            // Small parcels, heavy ones (additional handling) and long ones (large package minimum), some without
            // dimensions.
            double weight = Math.round((0.2 + random.nextDouble() * (i % 7 == 0 ? 140 : 30)) * 10) / 10.0;
            boolean dims = i % 11 != 0;
            lines.add(ChargeLineBuilder.line(i + 2).tracking("1Z" + i).carrier(carriers[i % carriers.length])
                    .service(services[random.nextInt(services.length)]).shipped(dates[random.nextInt(dates.length)])
                    .recipient(null, null, null, "43215", i % 13 == 0 ? "CA" : "US").weights(weight, weight)
                    .dimensions(dims ? 4.0 + random.nextInt(i % 5 == 0 ? 100 : 20) : null,
                            dims ? 4.0 + random.nextInt(30) : null, dims ? 2.0 + random.nextInt(30) : null)
                    .charge(ChargeType.FREIGHT, "003", "Ground").amount("10.00", "USD").build());
        }
        List<ExpectedCharges> together = InvoiceAuditor.expectations(weights, lines, EvaluationLimits.BATCH).charges();
        List<ExpectedCharges> alone = new ArrayList<>();
        for (ChargeLine l : lines) {
            alone.addAll(InvoiceAuditor.expectations(weights, List.of(l), EvaluationLimits.BATCH).charges());
        }
        assertEquals(alone, together);
        Set<SurchargeKind> predicted = together.stream().flatMap(e -> e.surcharges().stream())
                .collect(Collectors.toSet());
        assertTrue(predicted.contains(SurchargeKind.ADDITIONAL_HANDLING) && predicted.contains(SurchargeKind.LARGE_PACKAGE),
                "the packages must exercise the surcharge rules: " + predicted);
        assertTrue(together.stream().map(ExpectedCharges::basis).distinct().count() > 2,
                "the packages must exercise several bounds");
    }
}
