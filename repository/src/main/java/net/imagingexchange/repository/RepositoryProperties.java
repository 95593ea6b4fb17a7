// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import net.imagingexchange.database.DatabaseProperties;

/**
 * Document Repository actor settings (prefix {@code repository}).
 *
 * @param repositoryUniqueId  this repository's OID, set on every DocumentEntry it stores (ITI TF-3 4.2.3.2.18) and
 *                            required in every ITI-43 request addressed to it.
 * @param dataDirectory       documents live under {@code <dataDirectory>/repository/documents}, MTOM attachments
 *                            are spooled under {@code .../spool}, and the embedded H2 index under {@code .../index}.
 * @param database            the repository's own index database; empty URL means embedded H2.
 * @param registry            where ITI-42 goes.
 * @param maxDocumentSize     a larger document is refused (XDSRepositoryError) while it streams in, before it is
 *                            stored.
 * @param maxInlineRequestSize a request without MTOM carries its documents as base64 text inside the XML, which the
 *                            SOAP stack decodes in memory: such requests are refused above this size (HTTP 413).
 * @param attachmentMemoryThreshold MTOM attachments above this size are spooled to disk while a request is parsed.
 * @param socketWriteBuffer   the HTTP server's socket write buffer (Tomcat {@code socket.appWriteBufSize}, 8 KiB by
 *                            default), per open connection: ITI-43 writes documents in blocks of this size.
 */
@ConfigurationProperties("repository")
public record RepositoryProperties(
        @DefaultValue("1.3.6.1.4.1.21367.2005.13.20.1000.3.1") String repositoryUniqueId,
        @DefaultValue("data") Path dataDirectory,
        @DefaultValue DatabaseProperties database,
        @DefaultValue Registry registry,
        @DefaultValue("4GB") DataSize maxDocumentSize,
        @DefaultValue("64MB") DataSize maxInlineRequestSize,
        @DefaultValue("256KB") DataSize attachmentMemoryThreshold,
        @DefaultValue("64KB") DataSize socketWriteBuffer) {

    /**
     * The Document Registry this repository registers with (ITI-42).
     *
     * @param url            its ITI-42 endpoint; empty means the registry of this same exchange, on this server's
     *                       own HTTP port ({@code http://localhost:<port>/registry/iti42}).
     * @param queryUrl       its ITI-18 endpoint, asked whether a registration whose answer was lost took place;
     *                       empty means {@code url} with its last path segment {@code iti42} replaced by
     *                       {@code iti18}.
     * @param connectTimeout how long to wait for a connection.
     * @param receiveTimeout how long to wait for its answer; a registry that hangs is then given up and the
     *                       source gets XDSRegistryNotAvailable.
     * @param settleInterval how often submissions whose registration is still unsettled (the registry could not be
     *                       asked, or the process stopped) are settled by asking the registry.
     */
    public record Registry(
            @DefaultValue("") String url,
            @DefaultValue("") String queryUrl,
            @DefaultValue("10s") Duration connectTimeout,
            @DefaultValue("60s") Duration receiveTimeout,
            @DefaultValue("1m") Duration settleInterval) {

        /** How old an unsettled submission must be before it is settled: no registration takes longer. */
        public Duration settleAfter() {
            return connectTimeout.plus(receiveTimeout).multipliedBy(2);
        }
    }

    public RepositoryProperties {
        if (!repositoryUniqueId.matches("[0-2](\\.(0|[1-9][0-9]*))+") || repositoryUniqueId.length() > 64) {
            throw new IllegalArgumentException("repository.repository-unique-id must be an OID of at most 64"
                    + " characters, was " + repositoryUniqueId);
        }
    }

    public Path documentsDirectory() {
        return dataDirectory.resolve("repository").resolve("documents");
    }

    public Path spoolDirectory() {
        return dataDirectory.resolve("repository").resolve("spool");
    }

    /** The JDBC URL in force. */
    public String jdbcUrl() {
        return database.jdbcUrl(dataDirectory.resolve("repository").resolve("index"));
    }
}
