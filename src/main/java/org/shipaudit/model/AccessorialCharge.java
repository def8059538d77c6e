package org.shipaudit.model;

/**
 * The package accessorials a carrier's published accessorial table prices, one name per amount the table lists:
 * additional handling is priced by what triggers it (weight above dimensions above packaging: the carriers charge the
 * highest one only), so each trigger is a charge of its own. The same names serve the pre-ship prediction and the
 * invoice check.
 */
public enum AccessorialCharge {
    RESIDENTIAL,
    DELIVERY_AREA,
    ADDITIONAL_HANDLING_WEIGHT,
    ADDITIONAL_HANDLING_DIMENSIONS,
    ADDITIONAL_HANDLING_PACKAGING,
    /** UPS Large Package Surcharge; FedEx Oversize Charge. */
    LARGE_PACKAGE
}
