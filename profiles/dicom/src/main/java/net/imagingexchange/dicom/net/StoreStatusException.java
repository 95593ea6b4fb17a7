// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.net;

/**
 * Thrown by a {@link StoreHandler} that refuses an instance: the C-STORE response carries {@link #status()} and the
 * message as its Error Comment (0000,0902), cut to the 64 characters of an LO (PS3.7 C.4.2.1.6).
 */
public final class StoreStatusException extends Exception {

    private final int status;

    /** @param status a failure status of PS3.4 B.2.3, e.g. {@code 0xA900} for a data set that is not its SOP class. */
    public StoreStatusException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
