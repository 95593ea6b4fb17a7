// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.net;

import java.io.IOException;

/** The acceptor answered A-ASSOCIATE-RJ (PS3.8 9.3.4). */
public class AssociationRejectedException extends IOException {

    private final int result;
    private final int source;
    private final int reason;

    AssociationRejectedException(int result, int source, int reason) {
        super("association rejected: " + (result == 1 ? "permanent" : "transient") + ", source " + source
                + ", reason " + reason);
        this.result = result;
        this.source = source;
        this.reason = reason;
    }

    /** 1 permanent, 2 transient. */
    public int result() {
        return result;
    }

    public int source() {
        return source;
    }

    public int reason() {
        return reason;
    }
}
