package org.shipaudit.rules;

/**
 * Why one pack could not judge what it was given: which pack and version, which rule (when known) and what went
 * wrong. Built from the engine's exception without its message, so it never carries data a rule built; safe to show.
 *
 * @param rule          the rule's full name, or null when no rule can be named (a limit hit outside any rule)
 * @param ruleId        the rule's id ({@code AAA-NNN}), or null for rules without one
 * @param exceptionType simple name of the root exception for {@link Reason#THREW}, null otherwise
 * @param at            where a consequence threw, {@code drl/fragile.drl:33}; null when not known
 */
public record PackFailure(String pack, String version, String rule, String ruleId, Reason reason,
                          String exceptionType, String at) {

    public PackFailure(String pack, String version, String rule, String ruleId, Reason reason, String exceptionType) {
        this(pack, version, rule, ruleId, reason, exceptionType, null);
    }

    /** What stopped the evaluation. */
    public enum Reason {
        THREW("threw"), FIRING_LIMIT("hit the firing limit"), INSERT_LIMIT("hit the limit on inserted facts"),
        DEADLINE("ran past the deadline");

        private final String words;

        Reason(String words) {
            this.words = words;
        }
    }

    /** The rule as people and metrics name it: its id, else its name, else {@code "unknown"}. */
    public String ruleLabel() {
        return ruleId != null ? ruleId : rule != null ? rule : "unknown";
    }

    /** "rule TRD-003 threw ArithmeticException", "rule TRD-003 hit the firing limit", "the pack ran past ...". */
    public String cause() {
        String who = rule == null && ruleId == null ? "the pack" : "rule " + ruleLabel();
        return who + " " + reason.words + (reason == Reason.THREW && exceptionType != null ? " " + exceptionType : "");
    }

    /** "pack trade could not judge this shipment: rule TRD-003 threw ArithmeticException". */
    public String describe(String what) {
        return "pack " + pack + " could not judge " + what + ": " + cause();
    }
}
