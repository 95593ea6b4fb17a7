// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.provide;

/** ITI-42 could not be completed: no connection, no answer in time, or a broken answer. */
public class RegistryUnavailableException extends Exception {

    public RegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
