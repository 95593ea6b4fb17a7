// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.storage;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises, per content key, publishing content with recording a reference to it, against removing content
 * nothing references any more. Without it a submission could publish bytes that a concurrent, failed submission of
 * the same bytes removes a moment later. Striped: a fixed number of locks, shared by keys that hash alike.
 * Guards one process; repositories sharing a store would need a lock in the shared database instead.
 */
public final class ContentLocks {

    private static final int STRIPES = 64;

    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    public ContentLocks() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** Work done while holding a key's lock. */
    @FunctionalInterface
    public interface Guarded<T, E extends Exception> {
        T run() throws E;
    }

    public <T, E extends Exception> T withLock(ContentKey key, Guarded<T, E> work) throws E {
        ReentrantLock lock = locks[Math.floorMod(key.sha256().hashCode(), STRIPES)];
        lock.lock();
        try {
            return work.run();
        } finally {
            lock.unlock();
        }
    }
}
