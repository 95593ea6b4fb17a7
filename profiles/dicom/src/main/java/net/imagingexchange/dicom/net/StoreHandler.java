// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;

/** Receives each C-STORE data set as it streams in (never whole in memory) and decides the response status. */
@FunctionalInterface
public interface StoreHandler {

    int SUCCESS = 0x0000;
    /** Refused: out of resources (PS3.4 B.2.3). */
    int OUT_OF_RESOURCES = 0xA700;
    /** Error: data set does not match SOP class (PS3.4 B.2.3). */
    int DATA_SET_DOES_NOT_MATCH_SOP_CLASS = 0xA900;
    /** Error: cannot understand (PS3.4 B.2.3). */
    int CANNOT_UNDERSTAND = 0xC000;

    /**
     * Stores one instance; must acknowledge success only once the instance is durably stored.
     *
     * @param dataset the data set's bytes exactly as received, in the request's transfer syntax; ends with it.
     * @return the DIMSE status of the C-STORE response.
     * @throws StoreStatusException to refuse the instance with a status and an Error Comment saying why.
     */
    int store(StoreRequest request, InputStream dataset) throws IOException, StoreStatusException;

    /**
     * Called once an accepted association has ended (released, aborted or broken), on the thread that served it and
     * ran every {@link #store} of it: for what is reported per association, such as an audit record.
     *
     * @param callingAeTitle the requestor's AE title.
     * @param peer           the requestor's address.
     */
    default void associationEnded(String callingAeTitle, InetAddress peer) {
    }
}
