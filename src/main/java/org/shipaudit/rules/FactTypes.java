package org.shipaudit.rules;

import java.util.List;
import org.drools.base.base.ObjectType;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.ObjectTypeNode;
import org.kie.api.KieBase;

/**
 * The classes of fact a compiled pack has patterns for. A fact of any other class can match no rule, yet inserting it
 * still costs a fact handle, an object-store entry and a propagation; an invoice batch is inserted into every invoice
 * pack, most of which look at one or two of its three kinds of fact, so the evaluator leaves the others out.
 */
final class FactTypes {

    private final List<ObjectType> types;
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

    private FactTypes(List<ObjectType> types) {
        this.types = types;
    }

    static FactTypes of(KieBase kieBase) {
        return new FactTypes(((InternalRuleBase) kieBase).getRete().getObjectTypeNodes().stream()
                .map(ObjectTypeNode::getObjectType).toList());
    }

    /** True when some pattern of the pack can match a fact of this class. */
    boolean matches(Class<?> type) {
        return matched.get(type);
    }
}
