// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.publish;

/** Where a study's manifest stands. */
public enum PublicationState {
    /** Instances are arriving, or the study waits for its quiet period; nothing published yet. */
    RECEIVING,
    /** Not published, and not retried until something changes: its patient has no regional ID. */
    HELD,
    /** The current manifest lists every instance indexed (or more are arriving for a replacement). */
    PUBLISHED,
    /** The last attempt failed (repository or registry refused it, or could not be reached); retried with backoff. */
    FAILED
}
