package org.shipaudit.reference;

import java.util.List;
import java.util.Optional;

/**
 * The look-ups an address check needs, and nothing else: so {@link AddressValidator} depends on what it reads, not
 * on the index that happens to answer it (the index holds the validator; the validator does not hold the index).
 */
interface PostalLookups {

    /** Which sources are loaded now (the answer moves when a refresh sees a new commit). */
    Coverage coverage();

    Optional<Country> country(String alpha2);

    List<PostalPlace> postalPlaces(String country, String postalCode);

    List<PostalPlace> placesByCity(String country, String city, int max);
}
