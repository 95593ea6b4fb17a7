// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry;

import java.net.InetAddress;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import net.imagingexchange.database.DatabaseProperties;

/**
 * Document Registry actor settings (prefix {@code registry}).
 *
 * @param dataDirectory     where the embedded H2 database lives when {@code database.url} is not set.
 * @param database          the registry's own database.
 * @param patientIdentity   {@code FEED}: only patient IDs made known by ITI-8 are accepted (XDSUnknownPatientId
 *                          otherwise); {@code OPEN}: every ID of the affinity domain is accepted, for demos only.
 * @param patientFeedPort   TCP port of the ITI-8 MLLP listener; 0 picks a free port, -1 disables the listener.
 * @param patientFeedBindAddress local address the ITI-8 listener binds; {@code 0.0.0.0} is every interface,
 *                          {@code 127.0.0.1} keeps the feed on this host.
 * @param maxQueryResults   a stored query matching more objects fails with XDSTooManyResults.
 * @param maxRequestSize    SOAP requests above this size are refused before they are parsed.
 * @param enforceCodeSets   refuse codes outside the affinity domain's value sets (XDSRegistryMetadataError).
 */
@ConfigurationProperties("registry")
public record RegistryProperties(
        @DefaultValue("data") Path dataDirectory,
        @DefaultValue DatabaseProperties database,
        @DefaultValue("FEED") PatientIdentity patientIdentity,
        @DefaultValue("2575") int patientFeedPort,
        @DefaultValue("0.0.0.0") InetAddress patientFeedBindAddress,
        @DefaultValue("1000") int maxQueryResults,
        @DefaultValue("16MB") DataSize maxRequestSize,
        @DefaultValue("true") boolean enforceCodeSets) {

    /** How the registry learns which patient IDs exist (ITI TF-1 10.2.4, ITI TF-2 3.8). */
    public enum PatientIdentity { FEED, OPEN }

    public RegistryProperties {
        if (maxQueryResults < 1) {
            throw new IllegalArgumentException("registry.max-query-results must be at least 1");
        }
        if (patientFeedPort < -1 || patientFeedPort > 65535) {
            throw new IllegalArgumentException("registry.patient-feed-port must be -1, 0 or a TCP port");
        }
    }

    /** The JDBC URL in force. */
    public String jdbcUrl() {
        return database.jdbcUrl(dataDirectory.resolve("registry").resolve("registry"));
    }
}
