// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.provide;

import java.util.Map;

import org.openehealth.ipf.commons.audit.AuditContext;
import org.openehealth.ipf.commons.audit.model.AuditMessage;
import org.openehealth.ipf.commons.audit.types.EventType;
import org.openehealth.ipf.commons.ihe.xds.core.audit.XdsSubmitAuditDataset;
import org.openehealth.ipf.commons.ihe.xds.core.audit.codes.XdsEventTypeCode;
import org.openehealth.ipf.commons.ihe.xds.core.audit.event.XdsPHIImportBuilder;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.ProvideAndRegisterDocumentSetRequestType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.ExtrinsicObjectType;
import org.openehealth.ipf.commons.ihe.xds.iti41.Iti41ServerAuditStrategy;

import net.imagingexchange.atna.RadiologyEvents;

/**
 * The repository's Import audit record (DICOM PS3.15 A.5.3.7): ITI-41 (ITI TF-2 3.41.5.1.2), or RAD-68 (RAD TF-3
 * 4.68.5) when the submission carries a DICOM manifest ({@code application/dicom}, RAD TF-3 4.68.4.1.2.3): both
 * transactions share one wire message and endpoint, and IPF knows only ITI-41.
 */
public final class ProvideAndRegisterAuditStrategy extends Iti41ServerAuditStrategy {

    @Override
    public XdsSubmitAuditDataset createAuditDataset() {
        return new Dataset();
    }

    @Override
    public XdsSubmitAuditDataset enrichAuditDatasetFromRequest(XdsSubmitAuditDataset auditDataset, Object request,
                                                               Map<String, Object> parameters) {
        super.enrichAuditDatasetFromRequest(auditDataset, request, parameters);
        var submission = ((ProvideAndRegisterDocumentSetRequestType) request).getSubmitObjectsRequest();
        if (auditDataset instanceof Dataset dataset && submission != null
                && submission.getRegistryObjectList() != null) {
            dataset.imaging = submission.getRegistryObjectList().getIdentifiable().stream()
                    .map(jaxb -> jaxb.getValue())
                    .anyMatch(object -> object instanceof ExtrinsicObjectType entry
                            && "application/dicom".equals(entry.getMimeType()));
        }
        return auditDataset;
    }

    @Override
    public AuditMessage[] makeAuditMessage(AuditContext auditContext, XdsSubmitAuditDataset auditDataset) {
        EventType type = auditDataset instanceof Dataset dataset && dataset.imaging ? RadiologyEvents.RAD_68
                : XdsEventTypeCode.ProvideAndRegisterDocumentSetB;
        return new XdsPHIImportBuilder(auditContext, auditDataset, type, auditDataset.getPurposesOfUse())
                .setPatient(auditDataset.getPatientId())
                .setSubmissionSet(auditDataset)
                .getMessages();
    }

    /** The audit dataset, knowing whether the submission is an imaging one. */
    private static final class Dataset extends XdsSubmitAuditDataset {
        private boolean imaging;

        Dataset() {
            super(true);
        }
    }
}
