package org.shipaudit.rules;

import java.util.List;
import java.util.Set;
import org.shipaudit.model.AuditKind;

/**
 * The {@code pack.yaml} of a rule pack. {@code version} is the version a pack starts from; once deployed through the
 * service, versions are assigned by the version store. {@code appliesTo} lists what the pack judges: {@code shipments}
 * (the default: pre-ship audits), {@code invoices} (carrier invoice lines), {@code chargebacks} (retailer
 * chargebacks files) and/or {@code catalog} (product catalog exports); {@code roles} the parts it plays for other
 * audits ({@link PackRole}).
 */
public record PackManifest(String name, String version, String owner, String summary, List<AuditKind> appliesTo,
                           Set<PackRole> roles) {

    public PackManifest {
        appliesTo = appliesTo == null || appliesTo.isEmpty() ? List.of(AuditKind.SHIPMENTS) : List.copyOf(appliesTo);
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** A manifest that could not be read: the defaults, so the compile errors can still name the pack. */
    static PackManifest unreadable(String name) {
        return new PackManifest(name, "0", null, null, null, null);
    }

    /** Whether the pack judges pre-ship audits, invoice lines or chargebacks. */
    public boolean appliesTo(AuditKind kind) {
        return appliesTo.contains(kind);
    }

    public boolean plays(PackRole role) {
        return roles.contains(role);
    }

    /** pack.yaml as written, before its names are checked against {@link AuditKind} and {@link PackRole}. */
    record Yaml(String name, String version, String owner, String summary, List<String> appliesTo,
                List<String> roles) {

        /** The manifest, with each unknown kind or role added to {@code errors} (and left out). */
        PackManifest checked(List<CompileError> errors) {
            List<AuditKind> kinds = new java.util.ArrayList<>();
            for (String k : appliesTo == null ? List.<String>of() : appliesTo) {
                AuditKind.parse(k).filter(v -> v.id().equals(k)).ifPresentOrElse(kinds::add, () -> errors.add(
                        new CompileError("pack.yaml", 0, "appliesTo: '" + k + "' is not one of "
                                + String.join(", ", AuditKind.ids()))));
            }
            Set<PackRole> played = java.util.EnumSet.noneOf(PackRole.class);
            for (String r : roles == null ? List.<String>of() : roles) {
                PackRole.parse(r).ifPresentOrElse(played::add, () -> errors.add(new CompileError("pack.yaml", 0,
                        "roles: '" + r + "' is not one of " + String.join(", ", PackRole.ids()))));
            }
            return new PackManifest(name, version, owner, summary, kinds, played);
        }
    }
}
