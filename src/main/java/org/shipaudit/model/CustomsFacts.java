package org.shipaudit.model;

import java.util.Locale;
import java.util.Set;
import org.shipaudit.model.api.Customs;

/** The customs declaration of a shipment (possibly absent), normalised for rules. */
public final class CustomsFacts {

    /** Incoterms 2020 (ICC): the eleven rules. DAT (2010) became DPU. */
    private static final Set<String> INCOTERMS_2020 = Set.of("EXW", "FCA", "CPT", "CIP", "DAP", "DPU", "DDP", "FAS",
            "FOB", "CFR", "CIF");

    private final Customs c;

    public CustomsFacts(Customs customs) {
        this.c = customs;
    }

    public boolean isPresent() {
        return c != null;
    }

    /** Upper case, without the "Incoterms 2020" suffix some systems append; null when blank. */
    public String getIncoterms() {
        if (c == null || c.incoterms() == null || c.incoterms().isBlank()) {
            return null;
        }
        return c.incoterms().trim().toUpperCase(Locale.ROOT).replaceAll("\\s*(INCOTERMS)?\\s*20\\d\\d$", "").trim();
    }

    public boolean isIncotermsMissing() {
        return getIncoterms() == null;
    }

    public boolean isIncotermsValid() {
        return getIncoterms() != null && INCOTERMS_2020.contains(getIncoterms());
    }

    /** The AES Internal Transaction Number (ITN) of the EEI filing, or null. */
    public String getEeiItn() {
        return c == null || c.eeiItn() == null || c.eeiItn().isBlank() ? null : c.eeiItn().trim();
    }

    public boolean isItnMissing() {
        return getEeiItn() == null;
    }

    /** An ITN is "X" followed by 14 digits (AES). */
    public boolean isItnWellFormed() {
        return getEeiItn() != null && getEeiItn().toUpperCase(Locale.ROOT).matches("X\\d{14}");
    }

    public String getInvoiceNumber() {
        return c == null ? null : c.invoiceNumber();
    }

    public String getExportReason() {
        return c == null ? null : c.exportReason();
    }
}
