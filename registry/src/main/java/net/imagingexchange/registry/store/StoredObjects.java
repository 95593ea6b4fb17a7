// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.store;

import org.openehealth.ipf.commons.ihe.xds.core.metadata.Vocabulary;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.AssociationType1;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.ExternalIdentifierType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.ExtrinsicObjectType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.RegistryObjectType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.RegistryPackageType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.SlotType1;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.ValueListType;

import net.imagingexchange.registry.store.Rows.StoredXml;
import net.imagingexchange.xds.ebrim.EbrimXml;

/**
 * Turns stored XML back into ebRIM objects for LeafClass answers, applying the values the registry maintains
 * after registration: availabilityStatus (ITI TF-3 4.2.3.2.2), the patient ID after a merge (ITI TF-2 3.8.4.2)
 * and a folder's lastUpdateTime (ITI TF-3 4.2.3.4.4).
 */
public final class StoredObjects {

    private static final String STATUS_PREFIX = "urn:oasis:names:tc:ebxml-regrep:StatusType:";

    private StoredObjects() {
    }

    public static RegistryObjectType toEbrim(StoredXml stored) {
        RegistryObjectType object = switch (stored.kind()) {
            case DOCUMENT_ENTRY -> EbrimXml.read(stored.xml(), ExtrinsicObjectType.class);
            case SUBMISSION_SET, FOLDER -> EbrimXml.read(stored.xml(), RegistryPackageType.class);
            case ASSOCIATION -> EbrimXml.read(stored.xml(), AssociationType1.class);
        };
        object.setStatus(STATUS_PREFIX + stored.status());
        switch (stored.kind()) {
            case DOCUMENT_ENTRY -> setPatientId(object, Vocabulary.DOC_ENTRY_PATIENT_ID_EXTERNAL_ID, stored);
            case SUBMISSION_SET -> setPatientId(object, Vocabulary.SUBMISSION_SET_PATIENT_ID_EXTERNAL_ID, stored);
            case FOLDER -> {
                setPatientId(object, Vocabulary.FOLDER_PATIENT_ID_EXTERNAL_ID, stored);
                setSlot(object, Vocabulary.SLOT_NAME_LAST_UPDATE_TIME, stored.lastUpdateTime());
            }
            case ASSOCIATION -> { }
        }
        return object;
    }

    private static void setPatientId(RegistryObjectType object, String scheme, StoredXml stored) {
        for (ExternalIdentifierType identifier : object.getExternalIdentifier()) {
            if (scheme.equals(identifier.getIdentificationScheme())) {
                identifier.setValue(stored.patientId());
            }
        }
    }

    private static void setSlot(RegistryObjectType object, String name, String value) {
        object.getSlot().removeIf(s -> name.equals(s.getName()));
        var slot = new SlotType1();
        slot.setName(name);
        slot.setValueList(new ValueListType());
        slot.getValueList().getValue().add(value);
        object.getSlot().add(slot);
    }
}
