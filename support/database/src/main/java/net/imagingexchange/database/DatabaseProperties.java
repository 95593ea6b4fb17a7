// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.database;

import java.time.Duration;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * An actor's own database ({@code <actor>.database.*}).
 *
 * @param url               JDBC URL; empty means an embedded H2 file database under the actor's data directory.
 *                          Production: {@code jdbc:mysql://host:3306/<name>} (MySQL 8 or MariaDB 10.11), created
 *                          with {@code CHARACTER SET utf8mb4 COLLATE utf8mb4_bin} (docs/decisions/0003).
 * @param username          database user.
 * @param password          its password.
 * @param maximumPoolSize   connections kept open.
 * @param connectionTimeout how long a transaction waits for a free connection.
 */
public record DatabaseProperties(
        @DefaultValue("") String url,
        @DefaultValue("sa") String username,
        @DefaultValue("") String password,
        @DefaultValue("10") int maximumPoolSize,
        @DefaultValue("10s") Duration connectionTimeout) {

    /** The URL in force: {@link #url()}, or an H2 file database at {@code embeddedFile} in MySQL mode. */
    public String jdbcUrl(java.nio.file.Path embeddedFile) {
        if (!url.isBlank()) {
            return url;
        }
        return "jdbc:h2:file:" + embeddedFile.toAbsolutePath()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
    }
}
