// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.rad69;

/** The Retrieve Location UID the RAD-69 endpoint under test answers to. */
final class SourceUnderTest {

    static final String RETRIEVE_LOCATION_UID = "1.2.250.1.999.69.2";

    private SourceUnderTest() {
    }
}
