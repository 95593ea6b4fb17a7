// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.openehealth.ipf.commons.audit.AuditContext;
import org.openehealth.ipf.commons.audit.codes.EventActionCode;
import org.openehealth.ipf.commons.audit.codes.EventOutcomeIndicator;
import org.openehealth.ipf.commons.audit.event.DicomInstancesTransferredBuilder;
import org.openehealth.ipf.commons.audit.model.AuditMessage;
import org.openehealth.ipf.commons.audit.types.EventType;
import org.openehealth.ipf.commons.audit.utils.AuditUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.imagingexchange.imagingsource.audit.StudyParticipant;
import net.imagingexchange.imagingsource.index.InstanceRecord;
import net.imagingexchange.imagingsource.index.StudyIndex;

/**
 * ATNA "DICOM Instances Transferred" (DICOM PS3.15 A.5.3.10, action Read) for what a WADO-RS or WADO-URI request
 * was sent, one record per study, as the responding Imaging Document Source (spec/atna.md 3: "WADO-RS / WADO-URI
 * retrieve, responder").
 */
public final class RetrieveAudit {


    private static final Logger LOG = LoggerFactory.getLogger(RetrieveAudit.class);

    private final AuditContext audit;
    private final StudyIndex index;

    public RetrieveAudit(AuditContext audit, StudyIndex index) {
        this.audit = audit;
        this.index = index;
    }

    /** Records what {@code request} was sent. */
    void sent(EventType transaction, List<InstanceRecord> instances, HttpServletRequest request) {
        if (!audit.isAuditEnabled() || instances.isEmpty()) {
            return;
        }
        var byStudy = new LinkedHashMap<String, Map<String, Integer>>();
        for (InstanceRecord instance : instances) {
            byStudy.computeIfAbsent(instance.studyInstanceUid(), uid -> new LinkedHashMap<>())
                    .merge(instance.sopClassUid(), 1, Integer::sum);
        }
        String client = request.getRemoteUser() != null ? request.getRemoteUser() : request.getRemoteAddr();
        byStudy.forEach((study, sopClasses) -> {
            try {
                audit.audit(record(transaction, study, sopClasses, request, client));
            } catch (RuntimeException e) {
                LOG.warn("retrieve audit record not sent: {}", e.toString());
            }
        });
    }

    private AuditMessage record(EventType transaction, String study, Map<String, Integer> sopClasses,
                                HttpServletRequest request, String client) {
        var builder = new DicomInstancesTransferredBuilder(EventOutcomeIndicator.Success, null, EventActionCode.Read,
                transaction)
                .setAuditSource(audit)
                .setSendingProcessParticipant(request.getRequestURL().toString(), AuditUtils.getProcessId(), null,
                        AuditUtils.getLocalIPAddress(), false)
                .setReceivingProcessParticipant(client, null, null, request.getRemoteAddr(), true);
        return StudyParticipant.add(builder, study, index.study(study).orElse(null), sopClasses).getMessage();
    }
}
