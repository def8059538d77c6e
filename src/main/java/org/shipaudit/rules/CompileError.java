package org.shipaudit.rules;

/** One problem found while compiling a pack: the file inside the pack, the line (0 when unknown) and what is wrong. */
public record CompileError(String file, int line, String message) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
