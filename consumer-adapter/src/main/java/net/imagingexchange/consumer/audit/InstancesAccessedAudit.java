// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.audit;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.openehealth.ipf.commons.audit.AuditContext;
import org.openehealth.ipf.commons.audit.codes.EventActionCode;
import org.openehealth.ipf.commons.audit.codes.EventOutcomeIndicator;
import org.openehealth.ipf.commons.audit.event.DicomInstancesAccessedBuilder;
import org.openehealth.ipf.commons.audit.utils.AuditUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.imagingexchange.atna.RadiologyEvents;

/**
 * ATNA "DICOM Instances Accessed" (DICOM PS3.15 A.5.3.4, action Read) for what a reading site's client read through
 * the façade: one record per request, naming the study, its regional patient, the client and the imaging sources the
 * instances came from (spec/atna.md 3: consumer-side RAD-69 / WADO-RS). RAD-69, ITI-18 and ITI-43 themselves are
 * audited by IPF's clients.
 */
public final class InstancesAccessedAudit {

    private static final Logger LOG = LoggerFactory.getLogger(InstancesAccessedAudit.class);

    private final AuditContext audit;

    public InstancesAccessedAudit(AuditContext audit) {
        this.audit = audit;
    }

    /**
     * @param patientCx the study's regional patient.
     * @param sources   the imaging sources' URLs read from.
     * @param shortfall what of the request could not be had (a MinorFailure); null when nothing was missing.
     */
    public void accessed(String studyInstanceUid, String patientCx, List<String> sources, String shortfall,
                         HttpServletRequest request) {
        if (!audit.isAuditEnabled()) {
            return;
        }
        try {
            String client = request.getRemoteUser() != null ? request.getRemoteUser() : request.getRemoteAddr();
            var builder = new DicomInstancesAccessedBuilder(
                    shortfall == null ? EventOutcomeIndicator.Success : EventOutcomeIndicator.MinorFailure,
                    shortfall, EventActionCode.Read,
                    RadiologyEvents.WADO_RS)
                    .setAuditSource(audit)
                    .addSourceActiveParticipant(request.getRequestURL().toString(), AuditUtils.getProcessId(), null,
                            AuditUtils.getLocalIPAddress(), false)
                    .addDestinationActiveParticipant(client, null, null, request.getRemoteAddr(), true);
            sources.forEach(source -> builder.addActiveParticipant(source, null, null, false, List.of(), null));
            builder.addStudyParticipantObject(studyInstanceUid, List.of());
            builder.setPatientParticipantObject(patientCx, null);
            audit.audit(builder.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("instances accessed audit record not sent: {}", e.toString());
        }
    }
}
