package org.shipaudit.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.shipaudit.store.PackVersion;

/**
 * The versions a pack went through to reach the active one, replayed from its history as a stack: an initial load,
 * deploy or reload pushes its version; a rollback to a version on the stack pops back to it, a rollback to one that is
 * not (a version earlier rolled back from) pushes it. A plain rollback targets the entry below the top, so repeated
 * rollbacks walk back one activation at a time instead of toggling between the last two versions.
 */
final class ActivationTrail {

    private final List<String> stack;

    private ActivationTrail(List<String> stack) {
        this.stack = stack;
    }

    static ActivationTrail of(List<PackVersion> history) {
        List<String> stack = new ArrayList<>();
        for (PackVersion r : history) {
            int at = "rollback".equals(r.action()) ? stack.lastIndexOf(r.version()) : -1;
            if (at >= 0) {
                stack.subList(at + 1, stack.size()).clear();
            } else {
                stack.add(r.version());
            }
        }
        return new ActivationTrail(stack);
    }

    /** The version that was active before the current one, or empty at the first version. */
    Optional<String> beforeCurrent() {
        return stack.size() < 2 ? Optional.empty() : Optional.of(stack.get(stack.size() - 2));
    }
}
