// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.patientfeed;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

import ca.uhn.hl7v2.util.idgenerator.IDGenerator;

/**
 * MSH-10 of the acknowledgements we send: increasing numbers seeded from the clock at startup, so IDs do not repeat
 * across restarts. Replaces HAPI's default generator, which keeps its state in a file in the working directory.
 */
final class AckControlIds implements IDGenerator {

    private final AtomicLong last;

    AckControlIds(Clock clock) {
        // 16 digits today, within the 20 characters of MSH-10 (ST) in v2.3.1 and v2.5.
        this.last = new AtomicLong(clock.millis() * 1000);
    }

    @Override
    public String getID() {
        return Long.toString(last.incrementAndGet());
    }
}
