package org.shipaudit.rules;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.drools.base.base.ObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.PatternSource;
import org.drools.base.rule.RuleConditionElement;
import org.drools.base.rule.IndexableConstraint;
import org.drools.base.rule.constraint.AlphaNodeFieldConstraint;
import org.drools.base.util.index.ConstraintTypeOperator;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.AlphaNode;
import org.drools.core.reteoo.ObjectSink;
import org.drools.core.reteoo.ObjectSource;
import org.drools.core.reteoo.ObjectTypeNode;
import org.kie.api.KieBase;
import org.shipaudit.model.ChargeLine;
import org.shipaudit.model.ChargeType;
import org.shipaudit.model.Parcel;

/**
 * The facts a compiled pack has patterns for: the classes, and of the invoice's charge lines the charge types. A fact
 * no pattern can match still costs a fact handle, an object-store entry and a propagation when inserted; an invoice
 * batch is offered to every invoice pack, most of which look at one or two of its kinds of fact and, of the charge
 * lines, at one or two charge types (the duplicates, service and rates packs only at transportation), so the
 * evaluator leaves the others out. Derived from the compiled network, not declared, so a rule added to a pack is
 * routed what it matches without anyone listing it.
 */
final class FactTypes {

    private final List<ObjectType> types;
    /** The charge types some ChargeLine pattern can match; null when one can match any (then every line goes in). */
    private final Set<ChargeType> chargeTypes;
    private final ClassValue<Boolean> matched = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            for (ObjectType t : types) {
                if (t.isAssignableFrom(type)) {
                    return true;
                }
            }
            return false;
        }
    };
    /** Whether every rule judges one parcel by itself (see {@link #judgesEachParcelApart}). */
    private final boolean parcelsApart;
    /** Whether the pack, given no fact at all, fires nothing that is reported; null until first asked. */
    private volatile Boolean quietAlone;

    private FactTypes(List<ObjectTypeNode> nodes, boolean parcelsApart) {
        this.types = nodes.stream().map(ObjectTypeNode::getObjectType).toList();
        this.chargeTypes = chargeTypes(nodes);
        this.parcelsApart = parcelsApart;
    }

    static FactTypes of(KieBase kieBase) {
        return new FactTypes(List.copyOf(((InternalRuleBase) kieBase).getRete().getObjectTypeNodes()),
                parcelsApart(kieBase));
    }

    /**
     * Whether every rule of the pack matches at most one parcel, in a positive pattern at the top of its conditions
     * (not inside a {@code not}, {@code exists}, {@code forall}, {@code accumulate} or {@code collect}). Then a
     * parcel's conclusions cannot depend on the other parcels of its audit context, and the invoice audit may put
     * many unrelated packages in one context (one session's tables for all of them). A rule that compares parcels,
     * counts them or sums their weights makes this false, and each package then gets a context of its own.
     */
    boolean judgesEachParcelApart() {
        return parcelsApart;
    }

    private static boolean parcelsApart(KieBase kieBase) {
        for (org.kie.api.definition.KiePackage p : kieBase.getKiePackages()) {
            for (org.kie.api.definition.rule.Rule r : p.getRules()) {
                if (!(r instanceof RuleImpl impl)) {
                    return false;
                }
                int[] parcels = {0};
                if (!parcelPatterns(impl.getLhs(), true, parcels) || parcels[0] > 1) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Counts the top-level patterns that can match a parcel; false when one sits below a quantifier or a source. */
    private static boolean parcelPatterns(RuleConditionElement e, boolean top, int[] count) {
        if (e instanceof Pattern p) {
            if (p.getObjectType().isAssignableFrom(Parcel.class)) {
                if (!top) {
                    return false;
                }
                count[0]++;
            }
            PatternSource source = p.getSource();
            return source == null || parcelPatterns(source, false, count);
        }
        boolean positive = top && e instanceof GroupElement g && (g.isAnd() || g.isOr());
        for (RuleConditionElement child : e.getNestedElements()) {
            if (!parcelPatterns(child, positive, count)) {
                return false;
            }
        }
        return true;
    }

    /** True when some pattern of the pack can match this fact: its class, and for a charge line its charge type. */
    boolean matches(Object fact) {
        if (!matched.get(fact.getClass())) {
            return false;
        }
        return chargeTypes == null || !(fact instanceof ChargeLine line) || chargeTypes.contains(line.chargeType());
    }

    /** The charge types the pack's ChargeLine patterns can match, or null for any; for tests and the docs. */
    Set<ChargeType> chargeTypes() {
        return chargeTypes == null ? null : Set.copyOf(chargeTypes);
    }

    Boolean quietAlone() {
        return quietAlone;
    }

    void quietAlone(boolean quiet) {
        quietAlone = quiet;
    }

    /**
     * Follows every path from the object type nodes a charge line enters (ChargeLine's own, and Object's or an
     * interface's, should a pattern use one) to the first node that is not an alpha test: a path that passes an
     * equality of {@code chargeType} with a constant admits that type only; one that reaches a join, a collect or a
     * rule without such a test admits any type (a constraint such as {@code $f.appliesTo(chargeType)} is a join, so
     * the fuel rule's collect takes every line). Null when any type can match.
     */
    private static Set<ChargeType> chargeTypes(List<ObjectTypeNode> nodes) {
        Set<ChargeType> admitted = EnumSet.noneOf(ChargeType.class);
        for (ObjectTypeNode node : nodes) {
            if (node.getObjectType().isAssignableFrom(ChargeLine.class) && !admitted(node, admitted)) {
                return null;
            }
        }
        return admitted;
    }

    /** Adds what the paths below {@code source} admit; false when one of them admits any charge type. */
    private static boolean admitted(ObjectSource source, Set<ChargeType> admitted) {
        for (ObjectSink sink : source.getObjectSinkPropagator().getSinks()) {
            if (!(sink instanceof AlphaNode alpha)) {
                return false;
            }
            ChargeType literal = chargeTypeEquality(alpha.getConstraint());
            if (literal != null) {
                admitted.add(literal);
            } else if (!admitted(alpha, admitted)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The constant of a {@code chargeType == ChargeType.X} test, null for any other constraint. The field is known by
     * its type: a charge line has one ChargeType, its {@code chargeType} (FactTypesTest holds it to that).
     */
    private static ChargeType chargeTypeEquality(AlphaNodeFieldConstraint constraint) {
        if (constraint instanceof IndexableConstraint c && c.getConstraintType() == ConstraintTypeOperator.EQUAL
                && !c.isUnification() && c.getField() != null && c.getField().getValue() instanceof ChargeType t
                && c.getFieldExtractor() != null && c.getFieldExtractor().getExtractToClass() == ChargeType.class) {
            return t;
        }
        return null;
    }
}
