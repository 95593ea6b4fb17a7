// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.net;

import java.time.Duration;

/**
 * How an SCU requests an association.
 *
 * @param callingAeTitle  its own AE title.
 * @param calledAeTitle   the peer's.
 * @param maxPduLength    the largest P-DATA-TF it receives.
 * @param connectTimeout  TCP connection.
 * @param responseTimeout waiting for any PDU of the peer (ARTIM for the A-ASSOCIATE-AC, DIMSE responses).
 */
public record RequestorSettings(String callingAeTitle, String calledAeTitle, int maxPduLength,
                                Duration connectTimeout, Duration responseTimeout) {

    public static RequestorSettings of(String callingAeTitle, String calledAeTitle) {
        return new RequestorSettings(callingAeTitle, calledAeTitle, 256 * 1024, Duration.ofSeconds(10),
                Duration.ofSeconds(60));
    }
}
