// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.testing;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import net.imagingexchange.testing.database.ActorTestDatabases;

/**
 * Gives every test application context its own registry and repository databases and its own document store: in
 * memory H2 by default, fresh databases on a real MariaDB server with {@code -Dtest.database=mariadb} (the surefire
 * execution {@code mariadb}).
 */
public class TestDatabases implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        int n = COUNTER.incrementAndGet();
        TestPropertyValues.of("repository.data-directory=target/test-data/" + RUN + "-" + n)
                .and(ActorTestDatabases.properties(RUN + "_" + n, "registry", "repository"))
                .applyTo(context);
    }
}
