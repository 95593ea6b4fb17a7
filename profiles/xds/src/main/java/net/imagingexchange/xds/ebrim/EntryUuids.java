// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.xds.ebrim;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.xml.bind.JAXBElement;

import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.lcm.SubmitObjectsRequest;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.AssociationType1;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.ClassificationType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.ExternalIdentifierType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.IdentifiableType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.RegistryObjectType;

/**
 * Replaces symbolic ids of a submission by UUIDs (ITI TF-3 4.2.3.1.5: an id that does not start with
 * {@code urn:uuid:} is symbolic; the registry assigns the entryUUID) and rewrites every reference to them.
 * A reference to a symbolic id that the submission does not define is left as it is, for the registry rules to
 * report as unresolved.
 */
public final class EntryUuids {

    public static final String UUID_PREFIX = "urn:uuid:";

    private final Supplier<UUID> uuids;

    /** @param uuids the UUID source; tests pin it, production uses {@link UUID#randomUUID()}. */
    public EntryUuids(Supplier<UUID> uuids) {
        this.uuids = uuids;
    }

    public static boolean isUuid(String id) {
        return id != null && id.startsWith(UUID_PREFIX);
    }

    /**
     * Assigns UUIDs in place.
     *
     * @return symbolic id to assigned UUID, for reporting.
     */
    public Map<String, String> assign(SubmitObjectsRequest request) {
        var assigned = new HashMap<String, String>();
        var objects = request.getRegistryObjectList().getIdentifiable();
        for (JAXBElement<? extends IdentifiableType> element : objects) {
            collect(element.getValue(), assigned);
        }
        for (JAXBElement<? extends IdentifiableType> element : objects) {
            rewrite(element.getValue(), assigned);
        }
        return assigned;
    }

    private void collect(IdentifiableType object, Map<String, String> assigned) {
        newId(object.getId(), assigned);
        if (object instanceof RegistryObjectType registryObject) {
            registryObject.getClassification().forEach(c -> newId(c.getId(), assigned));
            registryObject.getExternalIdentifier().forEach(e -> newId(e.getId(), assigned));
        }
    }

    private void newId(String id, Map<String, String> assigned) {
        if (id != null && !isUuid(id)) {
            assigned.computeIfAbsent(id, k -> UUID_PREFIX + uuids.get());
        }
    }

    private static void rewrite(IdentifiableType object, Map<String, String> assigned) {
        object.setId(mapped(object.getId(), assigned));
        if (object instanceof AssociationType1 association) {
            association.setSourceObject(mapped(association.getSourceObject(), assigned));
            association.setTargetObject(mapped(association.getTargetObject(), assigned));
        }
        if (object instanceof ClassificationType classification) {
            classification.setClassifiedObject(mapped(classification.getClassifiedObject(), assigned));
        }
        if (object instanceof RegistryObjectType registryObject) {
            for (ClassificationType classification : registryObject.getClassification()) {
                classification.setId(mapped(classification.getId(), assigned));
                classification.setClassifiedObject(mapped(classification.getClassifiedObject(), assigned));
            }
            for (ExternalIdentifierType identifier : registryObject.getExternalIdentifier()) {
                identifier.setId(mapped(identifier.getId(), assigned));
                identifier.setRegistryObject(mapped(identifier.getRegistryObject(), assigned));
            }
        }
    }

    private static String mapped(String id, Map<String, String> assigned) {
        return id == null ? null : assigned.getOrDefault(id, id);
    }
}
