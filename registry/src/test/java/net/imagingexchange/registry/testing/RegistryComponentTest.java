// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import net.imagingexchange.registry.RegistryApplication;

/**
 * The registry on a random HTTP port with its own test database ({@link TestDatabase}), without the MLLP listener
 * and audit records. Test classes carrying only this annotation share one Spring context, so their data must not
 * depend on what others registered: use fresh identifiers ({@link Samples#freshPatient()}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = RegistryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"registry.patient-feed-port=-1", "exchange.audit.enabled=false"})
@ContextConfiguration(initializers = TestDatabase.class)
public @interface RegistryComponentTest {
}
