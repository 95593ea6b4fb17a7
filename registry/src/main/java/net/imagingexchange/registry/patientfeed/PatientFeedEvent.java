// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.patientfeed;

import static java.util.Objects.requireNonNull;

/**
 * What one ITI-8 Patient Identity Feed message asks of the registry. Patient IDs are CX strings
 * {@code id^^^&OID&ISO} of the affinity domain; {@code toString()} masks them (they are PHI).
 */
public sealed interface PatientFeedEvent {

    /** Applies the event to the registry's set of known patients. */
    void applyTo(PatientRegistry patients);

    /** ITI TF-2 3.8.4.1: ADT A01, A04, A05 or A08 creates or updates the patient; the ID becomes known. */
    record AdmitOrUpdate(String patientId) implements PatientFeedEvent {
        public AdmitOrUpdate {
            requireNonNull(patientId, "patientId");
        }

        @Override
        public void applyTo(PatientRegistry patients) {
            patients.register(patientId);
        }

        @Override
        public String toString() {
            return "AdmitOrUpdate[patientId=***]";
        }
    }

    /** ITI TF-2 3.8.4.2: ADT A40 merges the subsumed ID (MRG-1) into the surviving ID (PID-3). */
    record Merge(String subsumed, String surviving) implements PatientFeedEvent {
        public Merge {
            requireNonNull(subsumed, "subsumed");
            requireNonNull(surviving, "surviving");
        }

        @Override
        public void applyTo(PatientRegistry patients) {
            patients.merge(subsumed, surviving);
        }

        @Override
        public String toString() {
            return "Merge[subsumed=***, surviving=***]";
        }
    }
}
