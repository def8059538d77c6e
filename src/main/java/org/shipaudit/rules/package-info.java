/**
 * Rule packs: loading from the rules directory, compiling DRL and spreadsheet decision tables at run time, the
 * active-version registry, evaluation in short-lived sessions, and the scenario runner. The only package that
 * touches Drools.
 */
package org.shipaudit.rules;
