// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.atna;

import org.openehealth.ipf.commons.audit.AuditContext;
import org.openehealth.ipf.commons.audit.codes.EventOutcomeIndicator;
import org.openehealth.ipf.commons.audit.event.ApplicationActivityBuilder;
import org.openehealth.ipf.commons.audit.utils.AuditUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * ATNA "Application Activity" (DICOM PS3.15 A.5.3.1, EventID 110100): Application Start (110120) once the process
 * serves, Application Stop (110121) when it shuts down (spec/atna.md 3, "Application start / stop").
 */
public final class ApplicationActivityAudit implements ApplicationListener<ApplicationEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationActivityAudit.class);

    private final AuditContext audit;
    private final String application;

    /** @param application this process's name, the application participant's UserID. */
    public ApplicationActivityAudit(AuditContext audit, String application) {
        this.audit = audit;
        this.application = application;
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (!audit.isAuditEnabled()) {
            return;
        }
        try {
            if (event instanceof ApplicationReadyEvent) {
                audit.audit(new ApplicationActivityBuilder.ApplicationStart(EventOutcomeIndicator.Success)
                        .setAuditSource(audit)
                        .setApplicationParticipant(application, AuditUtils.getProcessId(), null,
                                AuditUtils.getLocalHostName())
                        .addApplicationStarterParticipant(AuditUtils.getUserName())
                        .getMessage());
            } else if (event instanceof ContextClosedEvent) {
                audit.audit(new ApplicationActivityBuilder.ApplicationStop(EventOutcomeIndicator.Success)
                        .setAuditSource(audit)
                        .setApplicationParticipant(application, AuditUtils.getProcessId(), null,
                                AuditUtils.getLocalHostName())
                        .addApplicationStarterParticipant(AuditUtils.getUserName())
                        .getMessage());
            }
        } catch (RuntimeException e) {
            LOG.warn("application activity audit record not sent: {}", e.toString());
        }
    }
}
