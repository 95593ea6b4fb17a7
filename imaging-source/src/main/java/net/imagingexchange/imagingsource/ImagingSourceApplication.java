// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;

/**
 * One hospital's Imaging Document Source as a standalone service, publishing to the repository at
 * {@code imaging-source.publication.repository-url}. Each actor owns its database, so Spring Boot's single
 * DataSource and Flyway setups are off.
 */
@SpringBootApplication(exclude = {DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
public class ImagingSourceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ImagingSourceApplication.class, args);
    }
}
