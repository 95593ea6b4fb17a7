// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.register;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.xml.bind.JAXBElement;

import org.openehealth.ipf.commons.ihe.xds.core.metadata.Association;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Folder;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Hl7v2Based;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.SubmissionSet;
import org.openehealth.ipf.commons.ihe.xds.core.requests.RegisterDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.lcm.SubmitObjectsRequest;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.ClassificationType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.IdentifiableType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.RegistryObjectType;

/**
 * One ITI-42 submission after UUID assignment: IPF's model for the rules and the ebRIM objects, as received, for
 * storage. Top-level classifications (the SubmissionSet and Folder type nodes) are folded into the objects they
 * classify, so each stored object is complete on its own.
 */
public final class Submission {

    private final RegisterDocumentSet model;
    private final Map<String, RegistryObjectType> ebrim;
    private final Set<String> assignedUuids;

    /** @param assignedUuids the entryUUIDs the registry has just assigned to symbolic ids. */
    Submission(SubmitObjectsRequest request, RegisterDocumentSet model, Collection<String> assignedUuids) {
        this.model = model;
        this.assignedUuids = Set.copyOf(assignedUuids);
        this.ebrim = new HashMap<>();
        var classifications = new ArrayList<ClassificationType>();
        for (JAXBElement<? extends IdentifiableType> element : request.getRegistryObjectList().getIdentifiable()) {
            IdentifiableType object = element.getValue();
            if (object instanceof ClassificationType classification) {
                classifications.add(classification);
            } else if (object instanceof RegistryObjectType registryObject && object.getId() != null) {
                ebrim.put(object.getId(), registryObject);
            }
        }
        for (ClassificationType classification : classifications) {
            var target = ebrim.get(classification.getClassifiedObject());
            if (target != null) {
                target.getClassification().add(classification);
            }
        }
    }

    public SubmissionSet submissionSet() {
        return model.getSubmissionSet();
    }

    public List<DocumentEntry> documentEntries() {
        return model.getDocumentEntries();
    }

    public List<Folder> folders() {
        return model.getFolders();
    }

    public List<Association> associations() {
        return model.getAssociations();
    }

    /** The submission's patient ID as a CX string. */
    public String patientId() {
        return Hl7v2Based.render(submissionSet().getPatientId());
    }

    /** The ebRIM object with this entryUUID, as received (after UUID assignment). */
    public RegistryObjectType ebrim(String entryUuid) {
        var object = ebrim.get(entryUuid);
        if (object == null) {
            throw new IllegalStateException("no ebRIM object " + entryUuid + " in the submission");
        }
        return object;
    }

    /** True when the registry assigned this entryUUID to a symbolic id of the submission (so it is new). */
    public boolean assignedByRegistry(String entryUuid) {
        return assignedUuids.contains(entryUuid);
    }

    /** True when the object with this entryUUID is part of this submission. */
    public boolean contains(String entryUuid) {
        return ebrim.containsKey(entryUuid);
    }

    public Optional<DocumentEntry> documentEntry(String entryUuid) {
        return documentEntries().stream().filter(d -> entryUuid.equals(d.getEntryUuid())).findFirst();
    }

    public Optional<Folder> folder(String entryUuid) {
        return folders().stream().filter(f -> entryUuid.equals(f.getEntryUuid())).findFirst();
    }
}
