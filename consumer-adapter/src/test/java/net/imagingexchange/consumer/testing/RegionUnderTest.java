// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.testing;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;

/**
 * The region in one process, as the all-in-one exchange runs it: registry, repository, the imaging source of
 * Péronne and the consumer adapter of Saint-Quentin, on one HTTP port.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = {DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
public class RegionUnderTest {
}
