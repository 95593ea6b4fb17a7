// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.send;

import java.io.IOException;
import java.util.List;

/** Delivers spooled instances to a destination of one type (C-STORE or STOW-RS). */
public interface Delivery {

    /** Hears of each instance's outcome as soon as the destination gave it. */
    interface Progress {

        /** The destination took the instance (Success or Warning). */
        void delivered(SpooledInstance instance) throws IOException;

        /** The destination refused the instance, or could not be offered it. */
        void failed(SpooledInstance instance, String code, String reason);
    }

    /**
     * Offers every instance; each gets exactly one outcome unless this throws.
     *
     * @throws DestinationException when the destination could not be reached or broke off: the instances without
     *                              an outcome yet were not delivered, for the reason given.
     */
    void deliver(Destination destination, List<SpooledInstance> instances, Progress progress)
            throws DestinationException, IOException;

    /** The destination as a whole failed: unreachable, association rejected or broken, HTTP error. */
    final class DestinationException extends Exception {

        public DestinationException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
