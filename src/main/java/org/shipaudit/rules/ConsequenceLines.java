package org.shipaudit.rules;

import java.nio.charset.StandardCharsets;

/**
 * Where in the DRL a consequence threw: the frame of the generated consequence method in the exception's stack,
 * mapped back to the DRL file and line the rule author wrote, with the line mappings Drools keeps per generated class
 * (the same arithmetic {@link RulePackCompiler} uses for a consequence's compile error). Without it a runtime error
 * could only be placed at the rule; a consequence of twenty lines then hides which one divided by zero.
 */
final class ConsequenceLines {

    private ConsequenceLines() {
    }

    /** {@code drl/fragile.drl:33}, or null when the consequence's frame or its mapping cannot be found. */
    static String of(RulePack pack, String ruleName, Throwable error) {
        if (ruleName == null || pack.kieBase() == null) {
            return null;
        }
        try {
            for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
                for (StackTraceElement frame : t.getStackTrace()) {
                    if (!"defaultConsequence".equals(frame.getMethodName()) || frame.getLineNumber() <= 0) {
                        continue;
                    }
                    String where = map(pack, ruleName, frame);
                    if (where != null) {
                        return where;
                    }
                }
            }
        } catch (RuntimeException | LinkageError e) {
            return null; // an engine version without these internals: the rule name alone still says which rule
        }
        return null;
    }

    private static String map(RulePack pack, String ruleName, StackTraceElement frame) {
        String className = frame.getClassName();
        int dot = className.lastIndexOf('.');
        if (dot < 0) {
            return null;
        }
        String packageName = className.substring(0, dot);
        var rule = pack.kieBase().getRule(packageName, ruleName);
        if (!(pack.kieBase().getKiePackage(packageName)
                instanceof org.drools.base.definitions.InternalKnowledgePackage pkg) || rule == null) {
            return null;
        }
        var mapping = pkg.getDialectRuntimeRegistry().getLineMappings(className);
        if (mapping == null || mapping.getStartLine() <= 0) {
            return null;
        }
        String file = rule instanceof org.drools.base.definitions.rule.impl.RuleImpl impl && impl.getResource() != null
                ? impl.getResource().getSourcePath() : null;
        String drl = file == null ? null : source(pack, file);
        if (drl == null) {
            return null;
        }
        String[] lines = drl.split("\n", -1);
        int first = mapping.getStartLine() + 1;
        while (first <= lines.length && lines[first - 1].isBlank()) {
            first++;
        }
        // As for compile errors: the consequence's first line sits four lines below the mapping's offset.
        int line = first + frame.getLineNumber() - (mapping.getOffset() + 4);
        if (line < first || line > lines.length || lines[line - 1].trim().equals("end")) {
            return null;
        }
        return displayName(file) + ":" + line;
    }

    /** The text compiled as {@code sourcePath}: a DRL file of the pack, or the DRL a decision table became. */
    private static String source(RulePack pack, String sourcePath) {
        byte[] drl = pack.files().files().get(sourcePath);
        if (drl != null) {
            return new String(drl, StandardCharsets.UTF_8);
        }
        return sourcePath.endsWith(".drl") ? pack.generatedDrl().get(sourcePath.substring(0, sourcePath.length() - 4))
                : null;
    }

    /** {@code drl/fragile.drl:33}; for a decision table the line of the DRL it compiled to (rules validate --show-drl). */
    private static String displayName(String sourcePath) {
        return sourcePath.startsWith("tables/") && sourcePath.endsWith(".drl")
                ? sourcePath.substring(0, sourcePath.length() - 4) + " (generated DRL)" : sourcePath;
    }
}
