// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.testing;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import net.imagingexchange.testing.database.MariaDbServer;

/**
 * Gives every test application context a database of its own: an in-memory H2 by default, or a fresh database on
 * a real MariaDB server when the JVM runs with {@code -Dtest.database=mariadb} (the surefire execution
 * {@code mariadb} does), so the same suite proves both.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        int n = COUNTER.incrementAndGet();
        if ("mariadb".equals(System.getProperty("test.database"))) {
            var server = MariaDbServer.shared();
            TestPropertyValues.of(
                    "registry.database.url=" + server.createDatabase("registry_" + n),
                    "registry.database.username=" + server.username(),
                    "registry.database.password=" + server.password()).applyTo(context);
        } else {
            TestPropertyValues.of("registry.database.url=jdbc:h2:mem:registry" + n
                    + ";DB_CLOSE_DELAY=-1;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE")
                    .applyTo(context);
        }
    }
}
