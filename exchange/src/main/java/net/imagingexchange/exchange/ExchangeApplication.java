// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.exchange;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;

/**
 * The all-in-one regional imaging exchange: every actor in one process on embedded defaults (H2 files and documents
 * under one data directory). It wires the actors' auto-configurations together and holds no logic of its own; the
 * actors still talk to each other over the wire, as in production.
 */
@SpringBootApplication(exclude = {DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
public class ExchangeApplication {

    public static void main(String[] args) {
        SpringApplication.run(ExchangeApplication.class, args);
    }
}
