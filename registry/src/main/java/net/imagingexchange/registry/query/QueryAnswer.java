// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;

import jakarta.xml.bind.JAXBElement;

import org.openehealth.ipf.commons.ihe.xds.core.XdsRuntimeException;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLFactory30;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Severity;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.query.AdhocQueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.IdentifiableType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.ObjectRefType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.RegistryObjectListType;

import net.imagingexchange.registry.store.ObjectKind;
import net.imagingexchange.registry.store.RegistryStore;
import net.imagingexchange.registry.store.Rows.StoredXml;
import net.imagingexchange.registry.store.StoredObjects;
import net.imagingexchange.xds.ebrim.EbrimXml;

/**
 * Builds the Success answer of a stored query in the requested form: full ebRIM objects (LeafClass) read from the
 * stored XML, or one {@code rim:ObjectRef} per object (ObjectRef), SubmissionSets, Folders, DocumentEntries and
 * Associations in that order.
 */
final class QueryAnswer {

    private final RegistryStore store;

    QueryAnswer(RegistryStore store) {
        this.store = store;
    }

    /** ITI TF-2 3.18.4.1.2.1: returnType ObjectRef lists the objects' entryUUIDs. */
    AdhocQueryResponse objectRefs(QueryMatches matches) {
        var list = new ArrayList<JAXBElement<? extends IdentifiableType>>();
        for (List<String> uuids : List.of(matches.submissionSets(), matches.folders(), matches.documentEntries(),
                matches.associations())) {
            for (String uuid : uuids) {
                var ref = new ObjectRefType();
                ref.setId(uuid);
                list.add(EbXMLFactory30.RIM_FACTORY.createObjectRef(ref));
            }
        }
        return success(list);
    }

    /**
     * ITI TF-2 3.18.4.1.2.1: returnType LeafClass gives the full objects. ITI TF-2 3.18.4.1.3: such an answer must
     * not mix patients (XDSResultNotSinglePatient); ObjectRef answers are exempt.
     */
    AdhocQueryResponse leafClass(QueryMatches matches) {
        var objects = new ArrayList<StoredXml>();
        objects.addAll(load(ObjectKind.SUBMISSION_SET, matches.submissionSets()));
        objects.addAll(load(ObjectKind.FOLDER, matches.folders()));
        objects.addAll(load(ObjectKind.DOCUMENT_ENTRY, matches.documentEntries()));
        long patients = objects.stream().map(StoredXml::patientId).filter(Objects::nonNull).distinct().count();
        if (patients > 1) {
            throw new XdsRuntimeException(ErrorCode.RESULT_NOT_SINGLE_PATIENT, "the LeafClass answer would hold "
                    + "objects of " + patients + " patients; ask for ObjectRef or narrow the query",
                    Severity.ERROR, null);
        }
        objects.addAll(load(ObjectKind.ASSOCIATION, matches.associations()));
        var list = new ArrayList<JAXBElement<? extends IdentifiableType>>();
        objects.forEach(o -> list.add(EbrimXml.element(StoredObjects.toEbrim(o))));
        return success(list);
    }

    /** The stored objects in the order of {@code uuids}. */
    private List<StoredXml> load(ObjectKind kind, List<String> uuids) {
        var position = new HashMap<String, Integer>();
        uuids.forEach(uuid -> position.put(uuid, position.size()));
        return store.xml(kind, uuids).stream()
                .sorted(Comparator.comparingInt((StoredXml s) -> position.get(s.entryUuid()))).toList();
    }

    private static AdhocQueryResponse success(List<JAXBElement<? extends IdentifiableType>> objects) {
        var response = new AdhocQueryResponse();
        response.setStatus(Status.getOpcode30(Status.SUCCESS));
        response.setRegistryObjectList(new RegistryObjectListType());
        response.getRegistryObjectList().getIdentifiable().addAll(objects);
        return response;
    }
}
