package org.shipaudit.model;

import java.math.BigDecimal;

/**
 * What the shipper's contract rate sheet charges for a package at its billable weight: the rate a billed-weight
 * overcharge is re-rated with, so the claim is the difference of two rates rather than freight prorated by weight.
 * Added by the invoice enrichment for a transportation charge billed above the billable weight when a rate sheet is
 * imported for the carrier, service, zone and ship date; scenario files may supply it.
 *
 * @param row      the sheet row of the transportation charge
 * @param weightLb the rate sheet's weight step of the billable weight (whole pounds)
 * @param expected the contract rate at that step: list rate less the agreement's discount
 */
public record BillableWeightRate(long row, int weightLb, BigDecimal expected, String source) {
}
