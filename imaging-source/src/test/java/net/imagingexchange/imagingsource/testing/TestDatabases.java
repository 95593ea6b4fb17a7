// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.testing;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import net.imagingexchange.testing.database.ActorTestDatabases;

/**
 * Gives every test application context fresh registry, repository and imaging source databases: in-memory H2, or
 * MariaDB in the surefire execution {@code mariadb}.
 */
public class TestDatabases implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(ActorTestDatabases.properties(RUN + "_" + COUNTER.incrementAndGet(), "registry",
                "repository", "imaging-source")).applyTo(context);
    }
}
