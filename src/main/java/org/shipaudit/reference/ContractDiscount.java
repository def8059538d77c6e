package org.shipaudit.reference;

import java.math.BigDecimal;

/** The shipper's contract discount off the published rate for one cell, and where it is written. */
public record ContractDiscount(BigDecimal percent, String source) {
}
