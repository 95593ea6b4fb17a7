// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.net;

import java.io.IOException;

/** A PDU that breaks PS3.8; the association is aborted with {@link #reason()}. */
class PduException extends IOException {

    private final int reason;

    PduException(String message, int reason) {
        super(message);
        this.reason = reason;
    }

    /** The A-ABORT reason (PS3.8 Table 9-26). */
    int reason() {
        return reason;
    }
}
