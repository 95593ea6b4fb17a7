// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.index;

/**
 * A received instance contradicts what is indexed: its patient is not its study's, or its SOP Instance UID is
 * already stored in another study or series. Nothing of it is indexed.
 */
public final class IndexConflictException extends Exception {

    public IndexConflictException(String message) {
        super(message);
    }
}
