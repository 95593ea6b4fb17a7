// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.register;

import java.util.ArrayDeque;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.openehealth.ipf.commons.ihe.xds.core.metadata.Association;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssociationType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.AssociationType1;

import net.imagingexchange.registry.store.ObjectKind;
import net.imagingexchange.registry.store.RegistryStore;
import net.imagingexchange.registry.store.Rows.AssociationRow;
import net.imagingexchange.xds.ebrim.EbrimXml;
import net.imagingexchange.xds.ebrim.EntryUuids;

/** The effects a committed submission has on entries already registered (ITI TF-3 4.1.2, 4.2.2; spec/xds.md 3.4). */
class Replacements {

    private static final String HAS_MEMBER = AssociationType.getOpcode30(AssociationType.HAS_MEMBER);
    private static final String ASSOCIATION_OBJECT_TYPE =
            "urn:oasis:names:tc:ebxml-regrep:ObjectType:RegistryObject:Association";

    private final RegistryStore store;
    private final Supplier<UUID> uuids;

    Replacements(RegistryStore store, Supplier<UUID> uuids) {
        this.store = store;
        this.uuids = uuids;
    }

    void apply(Submission submission, String now) {
        for (Association association : submission.associations()) {
            AssociationType type = association.getAssociationType();
            if (type == AssociationType.REPLACE || type == AssociationType.TRANSFORM_AND_REPLACE) {
                replace(association.getTargetUuid(), association.getSourceUuid(), now);
            } else if (type == AssociationType.HAS_MEMBER && !submission.contains(association.getSourceUuid())
                    && store.find(association.getSourceUuid()).filter(r -> r.kind() == ObjectKind.FOLDER).isPresent()) {
                // ITI TF-3 4.2.3.4.4: adding a document to an existing folder updates its lastUpdateTime
                store.touchFolder(association.getSourceUuid(), now);
            }
        }
    }

    // RPLC / XFRM_RPLC: the replaced entry and every APND or XFRM entry hanging off it (recursively, CP-ITI-117)
    // are deprecated; the replacement joins every folder of the replaced entry.
    private void replace(String replacedUuid, String replacementUuid, String now) {
        var pending = new ArrayDeque<String>(List.of(replacedUuid));
        while (!pending.isEmpty()) {
            String uuid = pending.pop();
            store.deprecateDocumentEntry(uuid);
            pending.addAll(store.sourcesOf(uuid, List.of("APND", "XFRM")));
        }
        for (String folderUuid : store.foldersContaining(replacedUuid)) {
            var association = new AssociationType1();
            association.setId(EntryUuids.UUID_PREFIX + uuids.get());
            association.setObjectType(ASSOCIATION_OBJECT_TYPE);
            association.setAssociationType(HAS_MEMBER);
            association.setSourceObject(folderUuid);
            association.setTargetObject(replacementUuid);
            association.setStatus(SubmissionRows.APPROVED);
            store.insert(new AssociationRow(association.getId(), "HasMember", folderUuid, replacementUuid,
                    EbrimXml.write(association)));
            store.touchFolder(folderUuid, now);
        }
    }
}
