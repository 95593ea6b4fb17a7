// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.index;

/** What indexing a received instance changed. */
public enum IndexOutcome {
    /** A new instance of the study. */
    ADDED,
    /** An instance received before, now with other content: the study's manifest must be published again. */
    REPLACED,
    /** The same instance, byte for byte, received again: nothing changed. */
    UNCHANGED
}
