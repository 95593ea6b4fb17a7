// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.register;

import static net.imagingexchange.registry.register.RegistryErrors.error;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.openehealth.ipf.commons.ihe.xds.core.metadata.Association;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssociationType;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Folder;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Hl7v2Based;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;

import net.imagingexchange.registry.patientfeed.PatientRegistry;
import net.imagingexchange.registry.store.ObjectKind;
import net.imagingexchange.registry.store.RegistryObjectRef;
import net.imagingexchange.registry.store.RegistryStore;

/**
 * The ITI-42 rules that need the registry's state (ITI TF-2 3.42.4.1.3; digest: spec/xds.md 3.2 #6-#19). IPF's
 * validator has already checked the message on its own; the first violation here fails the whole submission.
 */
class SubmissionRules {

    private static final Set<AssociationType> RELATIONSHIPS = EnumSet.of(AssociationType.REPLACE,
            AssociationType.TRANSFORM, AssociationType.APPEND, AssociationType.TRANSFORM_AND_REPLACE,
            AssociationType.SIGNS);

    private final RegistryStore store;
    private final PatientRegistry patients;
    private final CodeSetRule codeSets;

    SubmissionRules(RegistryStore store, PatientRegistry patients, CodeSetRule codeSets) {
        this.store = store;
        this.patients = patients;
        this.codeSets = codeSets;
    }

    void check(Submission submission) {
        codeSets.check(submission);
        checkPatient(submission);
        checkEntryUuidsAreNew(submission);
        checkUniqueIds(submission);
        for (Association association : submission.associations()) {
            checkAssociation(submission, association);
        }
    }

    // ITI TF-2 3.42.4.1.3: the patient ID must be known from the Patient Identity Feed, and not merged away.
    private void checkPatient(Submission submission) {
        String patientId = submission.patientId();
        if (!patients.accepts(patientId)) {
            throw error(ErrorCode.UNKNOWN_PATIENT_ID, "patient ID " + patientId
                    + (patients.isMerged(patientId) ? " was merged into another patient" : " is not known")
                    + " (SubmissionSet " + submission.submissionSet().getEntryUuid() + ")");
        }
    }

    // ITI TF-3 4.2.3.1.5: an entryUUID supplied by the source must not already exist in the registry.
    private void checkEntryUuidsAreNew(Submission submission) {
        var ids = new ArrayList<String>();
        ids.add(submission.submissionSet().getEntryUuid());
        submission.documentEntries().forEach(d -> ids.add(d.getEntryUuid()));
        submission.folders().forEach(f -> ids.add(f.getEntryUuid()));
        submission.associations().forEach(a -> ids.add(a.getEntryUuid()));
        for (String id : ids) {
            if (!submission.assignedByRegistry(id) && store.find(id).isPresent()) {
                throw error(ErrorCode.REGISTRY_METADATA_ERROR, "entryUUID " + id + " is already registered");
            }
        }
    }

    // ITI TF-3 Table 4.2.4.1-2: SubmissionSet and Folder uniqueIds are unique in the registry; a DocumentEntry
    // uniqueId may come again only for the same document (same hash and size).
    private void checkUniqueIds(Submission submission) {
        var set = submission.submissionSet();
        var uniqueIds = new ArrayList<String>();
        uniqueIds.add(set.getUniqueId());
        submission.folders().forEach(f -> uniqueIds.add(f.getUniqueId()));
        submission.documentEntries().forEach(d -> uniqueIds.add(d.getUniqueId()));
        var registered = store.uniqueIdUses(uniqueIds).stream()
                .collect(Collectors.groupingBy(RegistryStore.UniqueIdUse::uniqueId));
        if (registered.containsKey(set.getUniqueId())) {
            throw error(ErrorCode.DUPLICATE_UNIQUE_ID_IN_REGISTRY, "SubmissionSet uniqueId " + set.getUniqueId()
                    + " is already registered");
        }
        for (Folder folder : submission.folders()) {
            if (registered.containsKey(folder.getUniqueId())) {
                throw error(ErrorCode.DUPLICATE_UNIQUE_ID_IN_REGISTRY, "Folder uniqueId " + folder.getUniqueId()
                        + " is already registered");
            }
        }
        for (DocumentEntry entry : submission.documentEntries()) {
            checkResubmission(entry, registered.getOrDefault(entry.getUniqueId(), List.of()));
        }
    }

    private void checkResubmission(DocumentEntry entry, List<RegistryStore.UniqueIdUse> registered) {
        String uniqueId = entry.getUniqueId();
        for (RegistryStore.UniqueIdUse existing : registered) {
            if (existing.kind() != ObjectKind.DOCUMENT_ENTRY) {
                throw error(ErrorCode.REGISTRY_METADATA_ERROR, "DocumentEntry uniqueId " + uniqueId
                        + " is already the uniqueId of a " + existing.kind());
            }
            if (existing.hash() == null || !existing.hash().equalsIgnoreCase(entry.getHash())) {
                throw error(ErrorCode.NON_IDENTICAL_HASH, "DocumentEntry uniqueId " + uniqueId
                        + " is registered with another hash");
            }
            if (existing.size() != null && entry.getSize() != null && !existing.size().equals(entry.getSize())) {
                throw error(ErrorCode.NON_IDENTICAL_SIZE, "DocumentEntry uniqueId " + uniqueId
                        + " is registered with another size");
            }
        }
    }

    private void checkAssociation(Submission submission, Association association) {
        AssociationType type = association.getAssociationType();
        Endpoint source = resolve(submission, association.getSourceUuid(), association);
        Endpoint target = resolve(submission, association.getTargetUuid(), association);
        if (type == AssociationType.HAS_MEMBER) {
            checkHasMember(submission, association, source, target);
        } else if (type == AssociationType.IS_SNAPSHOT_OF) {
            // ITI TF-3 4.2.2.2.6: the target is an on-demand entry; this registry holds stable entries only
            throw error(ErrorCode.REGISTRY_METADATA_ERROR, "IsSnapshotOf association " + association.getEntryUuid()
                    + ": target " + target.entryUuid() + " is not an On-Demand DocumentEntry");
        } else if (RELATIONSHIPS.contains(type)) {
            checkRelationship(association, source, target);
        } else {
            throw error(ErrorCode.REGISTRY_METADATA_ERROR, "association " + association.getEntryUuid()
                    + " has a type that Register Document Set-b does not accept: " + AssociationType.getOpcode30(type));
        }
    }

    private void checkHasMember(Submission submission, Association association, Endpoint source, Endpoint target) {
        String setUuid = submission.submissionSet().getEntryUuid();
        if (source.kind() == ObjectKind.SUBMISSION_SET) {
            if (!source.entryUuid().equals(setUuid)) {
                throw error(ErrorCode.REGISTRY_METADATA_ERROR, "HasMember association " + association.getEntryUuid()
                        + " has as source a SubmissionSet other than the one submitted");
            }
            return; // SS -> DE (Original/Reference), SS -> Folder, SS -> Association
        }
        if (source.kind() == ObjectKind.FOLDER && target.kind() == ObjectKind.DOCUMENT_ENTRY) {
            // ITI TF-3 4.2.2.1.3: folder and document share the patient; a deprecated entry joins no folder
            if (!source.patientId().equals(target.patientId())) {
                throw error(ErrorCode.PATIENT_ID_DOES_NOT_MATCH, "HasMember association "
                        + association.getEntryUuid() + ": Folder " + source.entryUuid() + " and DocumentEntry "
                        + target.entryUuid() + " belong to different patients");
            }
            if (!target.approved()) {
                throw error(ErrorCode.REGISTRY_DEPRECATED_DOCUMENT_ERROR, "HasMember association "
                        + association.getEntryUuid() + ": DocumentEntry " + target.entryUuid() + " is Deprecated");
            }
            boolean recorded = submission.associations().stream().anyMatch(a ->
                    a.getAssociationType() == AssociationType.HAS_MEMBER
                            && setUuid.equals(a.getSourceUuid())
                            && association.getEntryUuid().equals(a.getTargetUuid()));
            if (!recorded) {
                throw error(ErrorCode.REGISTRY_METADATA_ERROR, "Folder-to-DocumentEntry association "
                        + association.getEntryUuid() + " is not a member of the SubmissionSet");
            }
            return;
        }
        throw error(ErrorCode.REGISTRY_METADATA_ERROR, "HasMember association " + association.getEntryUuid()
                + " links a " + source.kind() + " to a " + target.kind());
    }

    // ITI TF-3 4.2.2.2: RPLC, XFRM, APND, XFRM_RPLC and signs go from a new entry to an Approved registered entry
    // of the same patient.
    private void checkRelationship(Association association, Endpoint source, Endpoint target) {
        String name = association.getAssociationType().name() + " association " + association.getEntryUuid();
        if (!source.inSubmission() || source.kind() != ObjectKind.DOCUMENT_ENTRY) {
            throw error(ErrorCode.REGISTRY_METADATA_ERROR, name + ": source must be a DocumentEntry of this submission");
        }
        if (target.kind() != ObjectKind.DOCUMENT_ENTRY || target.inSubmission()) {
            throw error(ErrorCode.UNRESOLVED_REFERENCE_EXCEPTION, name + ": target " + target.entryUuid()
                    + " is not a registered DocumentEntry");
        }
        if (!target.approved()) {
            throw error(ErrorCode.REGISTRY_DEPRECATED_DOCUMENT_ERROR, name + ": target DocumentEntry "
                    + target.entryUuid() + " is Deprecated");
        }
        if (!source.patientId().equals(target.patientId())) {
            throw error(ErrorCode.PATIENT_ID_DOES_NOT_MATCH, name + ": DocumentEntry " + target.entryUuid()
                    + " belongs to another patient");
        }
    }

    private Endpoint resolve(Submission submission, String entryUuid, Association association) {
        if (entryUuid != null && submission.contains(entryUuid)) {
            return inSubmission(submission, entryUuid);
        }
        Optional<RegistryObjectRef> registered = entryUuid == null ? Optional.empty() : store.find(entryUuid);
        return registered.map(r -> new Endpoint(r.entryUuid(), r.kind(), r.patientId(), r.approved(), false))
                .orElseThrow(() -> error(ErrorCode.UNRESOLVED_REFERENCE_EXCEPTION, "association "
                        + association.getEntryUuid() + " refers to " + entryUuid
                        + ", which is neither in the submission nor in the registry"));
    }

    private static Endpoint inSubmission(Submission submission, String entryUuid) {
        var set = submission.submissionSet();
        if (entryUuid.equals(set.getEntryUuid())) {
            return new Endpoint(entryUuid, ObjectKind.SUBMISSION_SET, submission.patientId(), true, true);
        }
        var entry = submission.documentEntry(entryUuid);
        if (entry.isPresent()) {
            return new Endpoint(entryUuid, ObjectKind.DOCUMENT_ENTRY,
                    Hl7v2Based.render(entry.get().getPatientId()), true, true);
        }
        var folder = submission.folder(entryUuid);
        if (folder.isPresent()) {
            return new Endpoint(entryUuid, ObjectKind.FOLDER, Hl7v2Based.render(folder.get().getPatientId()), true,
                    true);
        }
        return new Endpoint(entryUuid, ObjectKind.ASSOCIATION, null, true, true);
    }

    /** One end of an association, in the submission or in the registry. */
    private record Endpoint(String entryUuid, ObjectKind kind, String patientId, boolean approved,
                            boolean inSubmission) {
    }
}
