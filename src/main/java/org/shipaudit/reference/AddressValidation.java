package org.shipaudit.reference;

import java.util.List;
import org.shipaudit.model.api.Address;

/**
 * The outcome of checking an address against the loaded postal data.
 *
 * <p>{@code valid} is false only for definite problems (unknown country or postal code, postal code in another
 * state, city not served by the postal code). A corrected spelling is reported as an issue with {@code valid} true
 * and the correction applied in {@code normalized}. {@code postalChecked} is false when the country has no postal
 * data loaded: the address is then not judged (valid, no postal issues). {@code sampleDataOnly} is true when the
 * check ran against the bundled sample only, so findings can say so.
 */
public record AddressValidation(
        boolean valid,
        Address normalized,
        List<AddressIssue> issues,
        List<Address> candidates,
        boolean postalChecked,
        boolean sampleDataOnly) {
}
