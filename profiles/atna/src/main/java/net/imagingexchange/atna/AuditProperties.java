// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.atna;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * ATNA audit settings shared by every actor of the exchange (prefix {@code exchange.audit}).
 *
 * @param enabled          send audit records at all; when false the actors record nothing.
 * @param host             host of the Audit Record Repository (syslog receiver).
 * @param port             its port: 5140 is the exchange's own audit repository over UDP (RFC 5426).
 * @param transport        {@code UDP} (RFC 5426) or {@code TLS} (RFC 5425, needs the JVM's key and trust stores).
 * @param sourceId         AuditSourceIdentification/AuditSourceID of every record (PS3.15 A.5.1).
 * @param enterpriseSiteId AuditSourceIdentification/AuditEnterpriseSiteID: the region or site operating this node.
 */
@ConfigurationProperties("exchange.audit")
public record AuditProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("localhost") String host,
        @DefaultValue("5140") int port,
        @DefaultValue("UDP") Transport transport,
        @DefaultValue("imaging-exchange") String sourceId,
        @DefaultValue("demo-region") String enterpriseSiteId) {

    /** Syslog transports IPF's audit library offers without Netty. */
    public enum Transport { UDP, TLS }

    public AuditProperties {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("exchange.audit.port must be 1..65535, was " + port);
        }
    }
}
