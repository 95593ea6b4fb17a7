// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.testing;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import net.imagingexchange.testing.database.MariaDbServer;

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
        var values = TestPropertyValues.of("repository.data-directory=target/test-data/" + RUN + "-" + n);
        for (String actor : new String[] {"registry", "repository"}) {
            if ("mariadb".equals(System.getProperty("test.database"))) {
                var server = MariaDbServer.shared();
                values = values.and(actor + ".database.url=" + server.createDatabase(actor + "_" + RUN + "_" + n),
                        actor + ".database.username=" + server.username(),
                        actor + ".database.password=" + server.password());
            } else {
                values = values.and(actor + ".database.url=jdbc:h2:mem:" + actor + RUN + n
                        + ";DB_CLOSE_DELAY=-1;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE");
            }
        }
        values.applyTo(context);
    }
}
