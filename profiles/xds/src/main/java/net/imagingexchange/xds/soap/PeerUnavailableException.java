// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.xds.soap;

/** A web-service peer did not answer: no connection, no answer in time, a broken answer, or a SOAP fault. */
public class PeerUnavailableException extends Exception {

    private final boolean mayHaveArrived;

    /**
     * @param mayHaveArrived false only when no connection was made or the peer refused the message outright, so it
     *                       cannot have acted on it; true when it may have received and acted on the request before
     *                       the answer was lost.
     */
    public PeerUnavailableException(String message, Throwable cause, boolean mayHaveArrived) {
        super(message, cause);
        this.mayHaveArrived = mayHaveArrived;
    }

    public boolean mayHaveArrived() {
        return mayHaveArrived;
    }
}
