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
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.SmartApplicationListener;

/**
 * ATNA "Application Activity" (DICOM PS3.15 A.5.3.1, EventID 110100): Application Start (110120) once the process
 * serves, Application Stop (110121) when it shuts down (spec/atna.md 3, "Application start / stop").
 */
public final class ApplicationActivityAudit implements SmartApplicationListener {

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationActivityAudit.class);

    private final AuditContext audit;
    private final String application;

    /** @param application this process's name, the application participant's UserID. */
    public ApplicationActivityAudit(AuditContext audit, String application) {
        this.audit = audit;
        this.application = application;
    }

    /** Only start and stop: not every event of the context (a servlet request handled is one). */
    @Override
    public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
        return ApplicationReadyEvent.class.isAssignableFrom(eventType)
                || ContextClosedEvent.class.isAssignableFrom(eventType);
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (!audit.isAuditEnabled()) {
            return;
        }
        try {
            var activity = event instanceof ApplicationReadyEvent
                    ? new ApplicationActivityBuilder.ApplicationStart(EventOutcomeIndicator.Success)
                    : new ApplicationActivityBuilder.ApplicationStop(EventOutcomeIndicator.Success);
            audit.audit(activity.setAuditSource(audit)
                    .setApplicationParticipant(application, AuditUtils.getProcessId(), null,
                            AuditUtils.getLocalHostName())
                    .addApplicationStarterParticipant(AuditUtils.getUserName())
                    .getMessage());
        } catch (RuntimeException e) {
            LOG.warn("application activity audit record not sent: {}", e.toString());
        }
    }
}
