/**
 * What rule packs name: the normalised facts the rules reason about (units converted, subjects named, derived
 * measures computed once), the decision-table rows, the enums rules match on, and the builders that make facts from
 * a shipment or an invoice. The shipment contract is in {@code model.api}, the builders' look-ups in
 * {@code model.lookup}; the sandbox admits the public classes of all three (rules.RuleAllowList.MODEL_PACKAGE).
 */
package org.shipaudit.model;
