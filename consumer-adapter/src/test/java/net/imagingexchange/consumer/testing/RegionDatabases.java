// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.testing;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import net.imagingexchange.testing.database.ActorTestDatabases;

/**
 * Gives every test application context fresh databases for the registry, repository and imaging source, and a data
 * directory of its own under {@code target} shared by the four actors.
 */
public class RegionDatabases implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String name = RUN + "_" + COUNTER.incrementAndGet();
        String data = "target/test-data/" + name;
        TestPropertyValues.of(ActorTestDatabases.properties(name, "registry", "repository", "imaging-source"))
                .and("registry.data-directory=" + data, "repository.data-directory=" + data,
                        "imaging-source.data-directory=" + data, "consumer.data-directory=" + data)
                .applyTo(context);
    }
}
