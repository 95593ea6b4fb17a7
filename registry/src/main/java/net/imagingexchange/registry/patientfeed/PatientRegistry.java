// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.patientfeed;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

import net.imagingexchange.registry.RegistryProperties.PatientIdentity;
import net.imagingexchange.registry.store.RegistryTransactions;
import net.imagingexchange.xds.domain.AffinityDomain;

/**
 * The patient IDs of the affinity domain that the registry knows (ITI TF-2 3.8.4.1.3: the registry accepts
 * submissions only for IDs received from the Patient Identity Source) and the merges between them.
 * IDs are CX strings {@code id^^^&OID&ISO}.
 */
public class PatientRegistry {

    private final JdbcTemplate jdbc;
    private final RegistryTransactions transactions;
    private final AffinityDomain domain;
    private final PatientIdentity mode;
    private final Clock clock;

    public PatientRegistry(DataSource dataSource, RegistryTransactions transactions, AffinityDomain domain,
                           PatientIdentity mode, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = transactions;
        this.domain = domain;
        this.mode = mode;
        this.clock = clock;
    }

    /** True when submissions may use this ID: known (or, in open mode, of the domain) and not merged away. */
    public boolean accepts(String patientId) {
        if (!domain.ownsPatientId(patientId)) {
            return false;
        }
        List<String> mergedInto = jdbc.query("SELECT merged_into FROM patient WHERE patient_id = ?",
                (rs, i) -> rs.getString(1), patientId);
        if (mergedInto.isEmpty()) {
            return mode == PatientIdentity.OPEN;
        }
        return mergedInto.get(0) == null;
    }

    /** True when the ID has been merged into another (a subsumed ID answers no query of its own). */
    public boolean isMerged(String patientId) {
        return !jdbc.queryForList("SELECT 1 FROM patient WHERE patient_id = ? AND merged_into IS NOT NULL",
                Integer.class, patientId).isEmpty();
    }

    /** ADT A01/A04/A05/A08: makes the ID known; an existing ID is left as it is. */
    public void register(String patientId) {
        requireDomain(patientId);
        transactions.inTransaction(() -> {
            ensureExists(patientId);
            return null;
        });
    }

    /**
     * ADT A40 (ITI TF-2 3.8.4.2): {@code subsumed} is merged into {@code surviving}. Entries registered under the
     * subsumed ID now answer under the surviving ID, and the subsumed ID is refused for new submissions.
     */
    public void merge(String subsumed, String surviving) {
        requireDomain(subsumed);
        requireDomain(surviving);
        if (subsumed.equals(surviving)) {
            throw new IllegalArgumentException("a patient cannot be merged into itself");
        }
        transactions.inTransaction(() -> {
            // a surviving ID that was itself merged earlier stands for the patient it was merged into
            String target = finalSurvivor(surviving);
            if (target.equals(subsumed)) {
                throw new IllegalArgumentException("the surviving patient was merged into the subsumed one");
            }
            ensureExists(target);
            ensureExists(subsumed);
            var now = Timestamp.from(clock.instant());
            jdbc.update("UPDATE patient SET merged_into = ?, updated_at = ? WHERE patient_id = ? OR merged_into = ?",
                    target, now, subsumed, subsumed);
            for (String table : List.of("document_entry", "submission_set", "folder")) {
                jdbc.update("UPDATE " + table + " SET patient_id = ? WHERE patient_id = ?", target, subsumed);
            }
            return null;
        });
    }

    private String finalSurvivor(String patientId) {
        List<String> mergedInto = jdbc.query("SELECT merged_into FROM patient WHERE patient_id = ?",
                (rs, i) -> rs.getString(1), patientId);
        return mergedInto.isEmpty() || mergedInto.get(0) == null ? patientId : mergedInto.get(0);
    }

    private void ensureExists(String patientId) {
        var now = Timestamp.from(clock.instant());
        int updated = jdbc.update("UPDATE patient SET updated_at = ? WHERE patient_id = ?", now, patientId);
        if (updated == 0) {
            jdbc.update("INSERT INTO patient (patient_id, merged_into, updated_at) VALUES (?, NULL, ?)", patientId,
                    now);
        }
    }

    private void requireDomain(String patientId) {
        if (!domain.ownsPatientId(patientId)) {
            throw new IllegalArgumentException("patient ID is not of the affinity domain "
                    + domain.patientIdAssigningAuthority());
        }
    }
}
