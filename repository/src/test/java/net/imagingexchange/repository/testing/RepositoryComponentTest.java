// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import net.imagingexchange.repository.RepositoryApplication;

/**
 * The repository with the real registry in the same server (the registry's auto-configuration is on the test class
 * path), on a random HTTP port, registering over SOAP with that registry, each with a test database of its own
 * ({@link TestDatabases}). Patient identity is OPEN, so tests need no ITI-8 feed; no MLLP listener, no audit.
 * Test classes carrying only this annotation share one context: use fresh identifiers ({@link Submission#fresh()}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = RepositoryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"registry.patient-identity=OPEN", "registry.patient-feed-port=-1",
                "exchange.audit.enabled=false"})
@ContextConfiguration(initializers = TestDatabases.class)
public @interface RepositoryComponentTest {
}
