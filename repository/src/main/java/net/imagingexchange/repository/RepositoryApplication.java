// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;

/**
 * The Document Repository as a standalone service, registering with the registry at
 * {@code repository.registry.url}. Each actor owns its database, so Spring Boot's single DataSource and Flyway
 * setups are off.
 */
@SpringBootApplication(exclude = {DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
public class RepositoryApplication {

    public static void main(String[] args) {
        SpringApplication.run(RepositoryApplication.class, args);
    }
}
