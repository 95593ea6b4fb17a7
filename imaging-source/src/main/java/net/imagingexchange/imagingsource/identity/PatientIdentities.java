// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.identity;

import java.util.HashMap;
import java.util.Map;

import net.imagingexchange.imagingsource.ImagingSourceProperties;
import net.imagingexchange.imagingsource.index.StudyRecord;

/**
 * Finds the regional patient ID of a study's patient (DESIGN.md 5): the local Patient ID and its issuer are what
 * the hospital PACS knows; the registry only knows IDs of the affinity domain. In this order:
 * <ol>
 * <li>an Other Patient IDs Sequence (0010,1002) item issued by the affinity domain;</li>
 * <li>the Patient ID itself, when its own issuer is the affinity domain (and {@code trustLocalIds});</li>
 * <li>the site's mapping table.</li>
 * </ol>
 * A patient none of them maps stays local: the study is held, with the reason, and not published.
 */
public final class PatientIdentities {

    private final String domain;
    private final String localIssuer;
    private final boolean trustLocalIds;
    private final Map<String, String> table = new HashMap<>();

    /** The outcome: a regional ID, or why there is none. */
    public sealed interface Resolution {
    }

    public record Mapped(RegionalPatientId id, String how) implements Resolution {
    }

    public record Unmapped(String reason) implements Resolution {
    }

    /**
     * @param domain   the affinity domain's assigning authority OID.
     * @param settings the site's issuer, mapping table and trust in local IDs.
     */
    public PatientIdentities(String domain, ImagingSourceProperties.PatientIdentity settings) {
        this.domain = domain;
        this.localIssuer = settings.localIssuer();
        this.trustLocalIds = settings.trustLocalIds();
        for (var mapping : settings.mappings()) {
            new RegionalPatientId(mapping.regionalId(), domain); // refuses an unusable ID at start-up
            table.put(key(mapping.patientId(), mapping.issuer()), mapping.regionalId());
        }
    }

    public Resolution resolve(StudyRecord.Patient patient) {
        String issuer = patient.issuerOid(localIssuer);
        for (StudyRecord.OtherId other : patient.otherIds()) {
            if (other.issuer().equals(domain)) {
                return mapped(other.patientId(), "Other Patient IDs Sequence");
            }
        }
        if (trustLocalIds && issuer.equals(domain) && !patient.patientId().isEmpty()) {
            return mapped(patient.patientId(), "Patient ID issued by the affinity domain");
        }
        String regional = table.get(key(patient.patientId(), patient.issuer()));
        if (regional == null && !issuer.equals(patient.issuer()) && !issuer.isEmpty()) {
            // the site's own issuer stands for a name or no issuer, never for another OID
            regional = table.get(key(patient.patientId(), issuer));
        }
        if (regional != null) {
            return mapped(regional, "mapping table");
        }
        return new Unmapped("no regional patient ID for " + patient.describe() + ": no Other Patient IDs item of the"
                + " affinity domain " + domain + " and no row in imaging-source.patient-identity.mappings");
    }

    private Resolution mapped(String id, String how) {
        try {
            return new Mapped(new RegionalPatientId(id, domain), how);
        } catch (IllegalArgumentException e) {
            return new Unmapped("the regional patient ID from the " + how + " is " + e.getMessage());
        }
    }

    private static String key(String patientId, String issuer) {
        return patientId + '\u0000' + issuer;
    }
}
