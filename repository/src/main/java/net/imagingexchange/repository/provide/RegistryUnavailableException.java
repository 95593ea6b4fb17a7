// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.provide;

/** The registry did not answer: no connection, no answer in time, or a broken answer. */
public class RegistryUnavailableException extends Exception {

    private final boolean mayHaveArrived;

    /**
     * @param mayHaveArrived false only when no connection was made, so the registry cannot have seen the request;
     *                       true when it may have received it, and possibly registered it, before the answer was lost.
     */
    public RegistryUnavailableException(String message, Throwable cause, boolean mayHaveArrived) {
        super(message, cause);
        this.mayHaveArrived = mayHaveArrived;
    }

    public boolean mayHaveArrived() {
        return mayHaveArrived;
    }
}
