// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.testing;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import net.imagingexchange.testing.database.ActorTestDatabases;

/**
 * Gives every test application context fresh registry, repository and imaging source databases (in-memory H2, or
 * MariaDB in the surefire execution {@code mariadb}) and a data directory of its own under {@code target}, which
 * lives as long as the cached context may run.
 */
public class TestDatabases implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    private final List<String> alsoInDataDirectory;

    public TestDatabases() {
        this(List.of());
    }

    /** @param alsoInDataDirectory further actors (property prefixes) given the same data directory. */
    protected TestDatabases(List<String> alsoInDataDirectory) {
        this.alsoInDataDirectory = List.copyOf(alsoInDataDirectory);
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String name = RUN + "_" + COUNTER.incrementAndGet();
        String data = "target/test-data/" + name;
        TestPropertyValues.of(ActorTestDatabases.properties(name, "registry", "repository", "imaging-source"))
                .and("registry.data-directory=" + data, "repository.data-directory=" + data,
                        "imaging-source.data-directory=" + data)
                .and(alsoInDataDirectory.stream().map(actor -> actor + ".data-directory=" + data))
                .applyTo(context);
    }
}
