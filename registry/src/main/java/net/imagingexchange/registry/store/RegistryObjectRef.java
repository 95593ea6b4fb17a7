// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.store;

/**
 * What the registry rules need to know of an object already registered.
 *
 * @param patientId null for associations.
 * @param status    {@code Approved} or {@code Deprecated}.
 */
public record RegistryObjectRef(String entryUuid, ObjectKind kind, String patientId, String status) {

    public static final String APPROVED = "Approved";
    public static final String DEPRECATED = "Deprecated";

    public boolean approved() {
        return APPROVED.equals(status);
    }
}
