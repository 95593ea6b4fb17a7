// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.net.URI;
import java.nio.file.Path;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import net.imagingexchange.registry.RegistryApplication;

/**
 * Our Document Registry, started in this JVM as {@code RegistryApplication} on a free loopback port, on its own
 * MariaDB database. Patient identity is OPEN (every ID of the demo domain is accepted), ITI-8 and ATNA are off.
 * Its INFO log, one line per transaction as in production, goes to a file instead of the console.
 */
final class InProcessRegistry implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final int port;

    private InProcessRegistry(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** What the registry runs on: its database and where its log goes. */
    record Setup(String jdbcUrl, String dbUser, String dbPassword, Path logFile) {
    }

    static InProcessRegistry start(Setup setup) {
        var context = new SpringApplicationBuilder(RegistryApplication.class).run(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--spring.main.banner-mode=off",
                "--registry.database.url=" + setup.jdbcUrl(),
                "--registry.database.username=" + setup.dbUser(),
                "--registry.database.password=" + setup.dbPassword(),
                "--registry.patient-identity=OPEN",
                "--registry.patient-feed-port=-1",
                "--exchange.audit.enabled=false",
                "--logging.file.name=" + setup.logFile().toAbsolutePath(),
                "--logging.threshold.console=WARN");
        return new InProcessRegistry(context);
    }

    URI iti42() {
        return URI.create("http://127.0.0.1:" + port + "/registry/iti42");
    }

    URI iti18() {
        return URI.create("http://127.0.0.1:" + port + "/registry/iti18");
    }

    @Override
    public void close() {
        context.close();
    }
}
