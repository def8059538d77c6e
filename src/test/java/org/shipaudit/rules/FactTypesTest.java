package org.shipaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shipaudit.findings.Finding;
import org.shipaudit.model.ChargeLine;
import org.shipaudit.model.ChargeLineBuilder;
import org.shipaudit.model.ChargeType;

/**
 * Invoice lines are offered to a pack only when some ChargeLine pattern of it can match their charge type, derived
 * from the compiled network; a pack left with nothing to match is answered without a session only when it reports
 * nothing from nothing.
 */
class FactTypesTest {

    @TempDir
    Path dir;

    @Test
    void theShippedInvoicePacksAreRoutedTheChargeTypesTheirRulesName() {
        Map<String, RulePack> packs = RulePackRegistry.load(Path.of("rules")).snapshot();
        assertEquals(Set.of(ChargeType.FREIGHT, ChargeType.VOID), types(packs, "duplicates"));
        assertEquals(Set.of(ChargeType.FREIGHT, ChargeType.ADDRESS_CORRECTION), types(packs, "service"));
        assertEquals(Set.of(ChargeType.FREIGHT), types(packs, "rates"));
        assertEquals(Set.of(ChargeType.FREIGHT), types(packs, "billed-weights"));
        assertEquals(Set.of(ChargeType.ADJUSTMENT), types(packs, "chargebacks"));
        // ACC-007 collects the package's lines the fuel table applies to ($f.appliesTo(chargeType), a join): any type.
        assertNull(packs.get("accessorials").factTypes().chargeTypes());
        // No ChargeLine pattern at all: no line goes in.
        assertEquals(Set.of(), types(packs, "weights"));
    }

    @Test
    void aChargeLineHasOneChargeTypeSoATestOfThatTypeIsATestOfItsChargeType() {
        assertEquals(List.of("chargeType"), java.util.Arrays.stream(ChargeLine.class.getRecordComponents())
                .filter(c -> c.getType() == ChargeType.class).map(java.lang.reflect.RecordComponent::getName).toList());
    }

    private static Set<ChargeType> types(Map<String, RulePack> packs, String name) {
        return packs.get(name).factTypes().chargeTypes();
    }

    @Test
    void aPatternWithoutAChargeTypeConstantTakesEveryLineAndOneWithTakesItsTypeOnly() throws Exception {
        RulePack any = pack("anyline", """
                // Source: test
                rule "ANY-001 Any charge with an amount"
                when
                    $c : ChargeLine( amount != null )
                then
                    Findings.raise(drools, Severity.INFO, Category.DATA, $c.subject(), "any").insert();
                end
                """);
        RulePack fuel = pack("fuelonly", """
                // Source: test
                rule "FUE-001 Fuel with an amount"
                when
                    $c : ChargeLine( amount != null, chargeType == ChargeType.FUEL_SURCHARGE )
                then
                    Findings.raise(drools, Severity.INFO, Category.DATA, $c.subject(), "fuel").insert();
                end
                """);
        ChargeLine freight = line(2, ChargeType.FREIGHT);
        ChargeLine surcharge = line(3, ChargeType.FUEL_SURCHARGE);
        assertNull(any.factTypes().chargeTypes());
        assertTrue(any.factTypes().matches(freight));
        assertEquals(Set.of(ChargeType.FUEL_SURCHARGE), fuel.factTypes().chargeTypes());
        assertFalse(fuel.factTypes().matches(freight));
        assertTrue(fuel.factTypes().matches(surcharge));
        assertEquals(List.of(3L), PackEvaluator.evaluate(fuel, List.of(freight, surcharge), EvaluationLimits.BATCH)
                .findings().stream().map(Finding::rowNumber).toList());
        assertEquals(2, PackEvaluator.evaluate(any, List.of(freight, surcharge), EvaluationLimits.BATCH)
                .findings().size());
    }

    @Test
    void aPackThatReportsFromNothingIsStillRunWhenNoFactIsForIt() throws Exception {
        RulePack loud = pack("loud", """
                // Source: test
                rule "LOU-001 Always"
                when
                then
                    Findings.raise(drools, Severity.INFO, Category.DATA, "batch", "always").insert();
                end

                // Source: test
                rule "LOU-002 Fuel"
                when
                    $c : ChargeLine( chargeType == ChargeType.FUEL_SURCHARGE )
                then
                    Findings.raise(drools, Severity.INFO, Category.DATA, $c.subject(), "fuel").insert();
                end
                """);
        List<Finding> found = PackEvaluator.evaluate(loud, List.of(line(2, ChargeType.FREIGHT)), EvaluationLimits.BATCH)
                .findings();
        assertEquals(List.of("LOU-001"), found.stream().map(Finding::ruleId).toList());
        assertEquals(Boolean.FALSE, loud.factTypes().quietAlone());
    }

    @Test
    void theShippedWeightsPackJudgesEachParcelApartAndRulesThatCompareParcelsDoNot() throws Exception {
        // The invoice audit puts unrelated packages in one audit context only for a pack that judges parcels apart.
        assertTrue(RulePackRegistry.load(Path.of("rules")).snapshot().get("weights").judgesEachParcelApart());
        String one = """
                import org.shipaudit.model.Parcel;
                // Source: test
                rule "PAR-001 A heavy parcel"
                when
                    $p : Parcel( weightLb != null, weightLb > 100 )
                then
                    Findings.raise(drools, Severity.INFO, Category.DATA, $p.getSubject(), "heavy").insert();
                end
                """;
        assertTrue(pack("oneparcel", one).judgesEachParcelApart());
        assertFalse(pack("twoparcels", """
                import org.shipaudit.model.Parcel;
                // Source: test
                rule "PAR-002 A parcel heavier than another of its shipment"
                when
                    $p : Parcel( $k : contextKey, $w : weightLb != null )
                    Parcel( contextKey == $k, weightLb != null, weightLb > $w * 2 )
                then
                    Findings.raise(drools, Severity.INFO, Category.DATA, $p.getSubject(), "uneven").insert();
                end
                """).judgesEachParcelApart());
        assertFalse(pack("countparcels", """
                import org.shipaudit.model.Parcel;
                // Source: test
                rule "PAR-003 More than ten parcels in one shipment"
                when
                    $p : Parcel( index == 0, $k : contextKey )
                    Number( intValue > 10 ) from accumulate( Parcel( contextKey == $k ), count(1) )
                then
                    Findings.raise(drools, Severity.INFO, Category.DATA, $p.getSubject(), "many").insert();
                end
                """).judgesEachParcelApart());
        assertFalse(pack("onlyparcel", """
                import org.shipaudit.model.Parcel;
                // Source: test
                rule "PAR-004 The only parcel of its shipment"
                when
                    $p : Parcel( $k : contextKey, $i : index )
                    not Parcel( contextKey == $k, index != $i )
                then
                    Findings.raise(drools, Severity.INFO, Category.DATA, $p.getSubject(), "alone").insert();
                end
                """).judgesEachParcelApart());
    }

    private RulePack pack(String name, String rules) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.resolve("drl"));
        Files.writeString(p.resolve("pack.yaml"), "name: " + name + "\nversion: \"1\"\nappliesTo: [invoices]\n");
        Files.writeString(p.resolve("drl/" + name + ".drl"), """
                package org.shipaudit.rules.%s;
                import org.shipaudit.model.ChargeLine;
                import org.shipaudit.model.ChargeType;
                import org.shipaudit.findings.Severity;
                import org.shipaudit.findings.Category;
                import org.shipaudit.rules.Findings;

                """.formatted(name) + rules);
        return RulePackCompiler.compile(PackFiles.read(p));
    }

    private static ChargeLine line(long row, ChargeType type) {
        return ChargeLineBuilder.line(row).tracking("1Z999AA10123456784").charge(type, "X", "x").amount("1.00", "USD")
                .build();
    }
}
