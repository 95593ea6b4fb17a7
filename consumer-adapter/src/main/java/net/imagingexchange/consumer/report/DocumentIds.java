// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.report;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

/**
 * New OIDs for reports and their submission sets (spec/xdsi.md 6.2: OIDs, no UUIDs, at most 64 characters):
 * {@code <root>.<milliseconds since the epoch>.<random 1..99999>}. Unique as long as each process that writes reports
 * has a root of its own.
 */
public final class DocumentIds {

    private final String root;
    private final Clock clock;

    public DocumentIds(String root, Clock clock) {
        this.root = root;
        this.clock = clock;
    }

    public String next() {
        return root + "." + clock.millis() + "." + ThreadLocalRandom.current().nextInt(1, 100_000);
    }
}
