package org.shipaudit.findings;

/** How bad a finding is; the order matters: a verdict is the worst severity found. */
public enum Severity {
    INFO, WARN, BLOCK
}
