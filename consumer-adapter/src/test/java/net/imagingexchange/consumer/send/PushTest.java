// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.send;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import net.imagingexchange.consumer.testing.RegionTest;

/**
 * A push test in the shared region: destinations are defined for one test, on the running adapter, and forgotten
 * after it; {@link #client} calls the push API.
 */
abstract class PushTest extends RegionTest {

    /** One attempt: a failure is final. */
    static final SendProperties.Retry ONCE = new SendProperties.Retry(Duration.ofSeconds(1), Duration.ofSeconds(1),
            1);

    @Autowired
    private Destinations destinations;

    private final List<String> defined = new ArrayList<>();
    SendClient client;

    @BeforeEach
    void client() {
        client = new SendClient(base());
    }

    @AfterEach
    void forgetDestinations() {
        defined.forEach(destinations::remove);
    }

    void define(Destination destination) {
        destinations.define(destination);
        defined.add(destination.name());
    }
}
