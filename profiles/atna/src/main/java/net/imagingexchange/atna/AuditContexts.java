// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.atna;

import org.openehealth.ipf.commons.audit.AuditContext;
import org.openehealth.ipf.commons.audit.DefaultAuditContext;
import org.openehealth.ipf.commons.audit.queue.AsynchronousAuditMessageQueue;
import org.openehealth.ipf.commons.audit.codes.AuditSourceType;

/** Builds IPF's {@link AuditContext} from {@link AuditProperties}. */
public final class AuditContexts {

    private AuditContexts() {
    }

    /**
     * A context that sends RFC 5424 syslog records carrying DICOM audit messages (PS3.15 A.5).
     * TLS sends from a background queue so a slow repository never delays a transaction.
     */
    public static AuditContext create(AuditProperties properties) {
        var context = new DefaultAuditContext();
        context.setAuditEnabled(properties.enabled());
        context.setAuditRepositoryHost(properties.host());
        context.setAuditRepositoryPort(properties.port());
        context.setAuditRepositoryTransport(properties.transport().name());
        if (properties.transport() == AuditProperties.Transport.TLS) {
            context.setAuditMessageQueue(new AsynchronousAuditMessageQueue());
        }
        context.setAuditSourceId(properties.sourceId());
        context.setAuditEnterpriseSiteId(properties.enterpriseSiteId());
        context.setAuditSource(AuditSourceType.ApplicationServerProcess);
        return context;
    }
}
