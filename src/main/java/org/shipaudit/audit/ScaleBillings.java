package org.shipaudit.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.shipaudit.model.BillableWeightCandidate;
import org.shipaudit.model.Parcel;
import org.shipaudit.model.ScaleBilling;
import org.shipaudit.rules.EvaluationLimits;
import org.shipaudit.rules.PackEvaluator;
import org.shipaudit.rules.PackOutcome;
import org.shipaudit.rules.RulePack;

/**
 * Billable weight with the scale weight against billable weight with the declared one, for the packages a weigh-in
 * gate weighed ({@link ScaleBilling}). The pack that defines billable weight (the invoice-expectations pack, weights)
 * judges the shipment as it is and, only when some package was weighed, once more as declared; rules that warn about
 * re-billing (CHB-001) then compare billable with billable, dimensional weight included.
 */
final class ScaleBillings {

    private ScaleBillings() {
    }

    /**
     * @param facts     the shipment's facts (scale weights in)
     * @param weighed   the billable-weight pack's outcome on those facts
     * @return one {@link ScaleBilling} per weighed package with a declared weight; empty when none was weighed or the
     *         declared evaluation failed (the rules then have nothing to compare, and say nothing)
     */
    static List<ScaleBilling> of(RulePack billing, List<Object> facts, PackOutcome weighed, EvaluationLimits limits) {
        List<Parcel> parcels = new ArrayList<>();
        for (Object f : facts) {
            if (f instanceof Parcel p && p.isScaleWeighed() && p.isDeclaredWeightUsable()) {
                parcels.add(p);
            }
        }
        if (parcels.isEmpty()) {
            return List.of();
        }
        List<Object> declared = new ArrayList<>(facts.size());
        for (Object f : facts) {
            declared.add(f instanceof Parcel p ? p.withoutScaleWeight() : f);
        }
        PackOutcome asDeclared = PackEvaluator.evaluate(billing, declared, limits);
        if (asDeclared.failed()) {
            return List.of();
        }
        Map<Integer, BillableWeightCandidate> byScale = heaviest(weighed);
        Map<Integer, BillableWeightCandidate> byDeclared = heaviest(asDeclared);
        List<ScaleBilling> out = new ArrayList<>();
        for (Parcel p : parcels) {
            BillableWeightCandidate s = byScale.get(p.getIndex());
            BillableWeightCandidate d = byDeclared.get(p.getIndex());
            if (s != null && d != null && s.getUnit() == d.getUnit()) {
                out.add(new ScaleBilling(p.getIndex(), d.getValue(), d.getBasis(), s.getValue(), s.getBasis(),
                        s.getUnit().name()));
            }
        }
        return out;
    }

    /** The billable weight of each package: the heaviest bound any rule established. */
    static Map<Integer, BillableWeightCandidate> heaviest(PackOutcome outcome) {
        Map<Integer, BillableWeightCandidate> out = new HashMap<>();
        for (BillableWeightCandidate c : outcome.billableWeights()) {
            out.merge(c.getParcelIndex(), c, (a, b) -> BillableWeightCandidate.HEAVIEST_LAST.compare(b, a) > 0 ? b : a);
        }
        return out;
    }
}
