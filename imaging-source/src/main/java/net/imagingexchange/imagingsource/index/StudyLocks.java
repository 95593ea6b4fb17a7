// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.index;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises, per study, what changes a study's instances and what reads a consistent picture of them (indexing
 * an instance, taking a manifest's snapshot). Striped: studies that hash alike share a lock, which only costs a
 * little concurrency. One process owns an imaging source's index, so an in-process lock is enough.
 */
public final class StudyLocks {

    private final ReentrantLock[] stripes = new ReentrantLock[64];

    public StudyLocks() {
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** The lock of {@code studyInstanceUid}; lock it in a try/finally. */
    public ReentrantLock of(String studyInstanceUid) {
        return stripes[Math.floorMod(studyInstanceUid.hashCode(), stripes.length)];
    }
}
