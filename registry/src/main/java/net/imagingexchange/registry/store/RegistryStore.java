// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.store;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import net.imagingexchange.registry.store.Rows.AssociationRow;
import net.imagingexchange.registry.store.Rows.DocumentEntryRow;
import net.imagingexchange.registry.store.Rows.FolderRow;
import net.imagingexchange.registry.store.Rows.StoredXml;
import net.imagingexchange.registry.store.Rows.SubmissionSetRow;

/**
 * Reads and writes registry objects. Every method joins the caller's transaction when there is one
 * ({@link RegistryTransactions}); a registration is all its writes or none.
 */
public class RegistryStore {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Clock clock;

    public RegistryStore(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.clock = clock;
    }

    public void insert(DocumentEntryRow row) {
        jdbc.update("INSERT INTO document_entry (entry_uuid, unique_id, patient_id, status, object_type, class_code,"
                        + " type_code, format_code, practice_code, facility_code, creation_time, service_start,"
                        + " service_stop, hash, size_bytes, repository_id, registered_at, xml)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row.entryUuid(), row.uniqueId(), row.patientId(), RegistryObjectRef.APPROVED, row.objectType(),
                row.classCode(), row.typeCode(), row.formatCode(), row.practiceCode(), row.facilityCode(),
                row.creationTime(), row.serviceStart(), row.serviceStop(), row.hash(), row.size(),
                row.repositoryId(), now(), row.xml());
        var codes = new ArrayList<Object[]>();
        distinct(row.eventCodes()).forEach(c -> codes.add(new Object[] {row.entryUuid(), "E", c}));
        distinct(row.confidentialityCodes()).forEach(c -> codes.add(new Object[] {row.entryUuid(), "C", c}));
        if (!codes.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO document_entry_code (entry_uuid, kind, code) VALUES (?, ?, ?)", codes);
        }
        insertValues("INSERT INTO document_entry_author (entry_uuid, person) VALUES (?, ?)",
                row.entryUuid(), row.authorPersons());
        insertValues("INSERT INTO document_entry_reference (entry_uuid, reference_id) VALUES (?, ?)",
                row.entryUuid(), distinct(row.referenceIds()));
    }

    public void insert(SubmissionSetRow row) {
        jdbc.update("INSERT INTO submission_set (entry_uuid, unique_id, patient_id, status, source_id,"
                        + " submission_time, content_type, registered_at, xml) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row.entryUuid(), row.uniqueId(), row.patientId(), RegistryObjectRef.APPROVED, row.sourceId(),
                row.submissionTime(), row.contentType(), now(), row.xml());
        insertValues("INSERT INTO submission_set_author (entry_uuid, person) VALUES (?, ?)",
                row.entryUuid(), row.authorPersons());
    }

    public void insert(FolderRow row) {
        jdbc.update("INSERT INTO folder (entry_uuid, unique_id, patient_id, status, last_update_time, registered_at,"
                        + " xml) VALUES (?, ?, ?, ?, ?, ?, ?)",
                row.entryUuid(), row.uniqueId(), row.patientId(), RegistryObjectRef.APPROVED, row.lastUpdateTime(),
                now(), row.xml());
        insertValues("INSERT INTO folder_code (entry_uuid, code) VALUES (?, ?)", row.entryUuid(),
                distinct(row.codes()));
    }

    public void insert(AssociationRow row) {
        jdbc.update("INSERT INTO association (entry_uuid, type, source_uuid, target_uuid, status, registered_at, xml)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                row.entryUuid(), row.type(), row.sourceUuid(), row.targetUuid(), RegistryObjectRef.APPROVED, now(),
                row.xml());
    }

    /** The registered object with this entryUUID, of whatever kind. */
    public Optional<RegistryObjectRef> find(String entryUuid) {
        List<RegistryObjectRef> found = jdbc.query(
                "SELECT 'DOCUMENT_ENTRY', patient_id, status FROM document_entry WHERE entry_uuid = ?"
                        + " UNION ALL SELECT 'SUBMISSION_SET', patient_id, status FROM submission_set WHERE entry_uuid = ?"
                        + " UNION ALL SELECT 'FOLDER', patient_id, status FROM folder WHERE entry_uuid = ?"
                        + " UNION ALL SELECT 'ASSOCIATION', NULL, status FROM association WHERE entry_uuid = ?",
                (rs, i) -> new RegistryObjectRef(entryUuid, ObjectKind.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getString(3)),
                entryUuid, entryUuid, entryUuid, entryUuid);
        return found.stream().findFirst();
    }

    /**
     * Every registered object that carries one of these uniqueIds, in one round trip: SubmissionSets and Folders
     * (whose uniqueIds are unique), and DocumentEntries with their hash and size (ITI TF-3 4.2.3.2.26 resubmission).
     */
    public List<UniqueIdUse> uniqueIdUses(Collection<String> uniqueIds) {
        return named.query("SELECT unique_id, 'DOCUMENT_ENTRY', hash, size_bytes FROM document_entry"
                        + " WHERE unique_id IN (:ids)"
                        + " UNION ALL SELECT unique_id, 'SUBMISSION_SET', NULL, NULL FROM submission_set"
                        + " WHERE unique_id IN (:ids)"
                        + " UNION ALL SELECT unique_id, 'FOLDER', NULL, NULL FROM folder WHERE unique_id IN (:ids)",
                Map.of("ids", uniqueIds),
                (rs, i) -> new UniqueIdUse(rs.getString(1), ObjectKind.valueOf(rs.getString(2)), rs.getString(3),
                        (Long) rs.getObject(4)));
    }

    /** A registered object carrying a given uniqueId; hash and size only for DocumentEntries (size may be null). */
    public record UniqueIdUse(String uniqueId, ObjectKind kind, String hash, Long size) {
    }

    public void deprecateDocumentEntry(String entryUuid) {
        jdbc.update("UPDATE document_entry SET status = ? WHERE entry_uuid = ?", RegistryObjectRef.DEPRECATED,
                entryUuid);
    }

    /** Sources of associations of the given types that point at {@code targetUuid}. */
    public List<String> sourcesOf(String targetUuid, Collection<String> types) {
        return named.queryForList("SELECT source_uuid FROM association WHERE target_uuid = :target AND type IN (:types)",
                Map.of("target", targetUuid, "types", types), String.class);
    }

    /** entryUUIDs of the folders that hold this DocumentEntry through a Folder-to-DocumentEntry HasMember. */
    public List<String> foldersContaining(String documentEntryUuid) {
        return jdbc.queryForList("SELECT f.entry_uuid FROM association a JOIN folder f ON f.entry_uuid = a.source_uuid"
                + " WHERE a.target_uuid = ? AND a.type = 'HasMember'", String.class, documentEntryUuid);
    }

    public void touchFolder(String folderUuid, String lastUpdateTime) {
        jdbc.update("UPDATE folder SET last_update_time = ? WHERE entry_uuid = ?", lastUpdateTime, folderUuid);
    }

    /** The stored XML of these objects, in no particular order; unknown ids are skipped. */
    public List<StoredXml> xml(ObjectKind kind, Collection<String> entryUuids) {
        if (entryUuids.isEmpty()) {
            return List.of();
        }
        String patient = kind == ObjectKind.ASSOCIATION ? "NULL" : "patient_id";
        String lastUpdate = kind == ObjectKind.FOLDER ? "last_update_time" : "NULL";
        var result = new ArrayList<StoredXml>(entryUuids.size());
        for (List<String> chunk : chunks(entryUuids)) {
            result.addAll(named.query("SELECT entry_uuid, " + patient + ", status, " + lastUpdate + ", xml FROM "
                            + kind.table() + " WHERE entry_uuid IN (:ids)", Map.of("ids", chunk),
                    (rs, i) -> new StoredXml(rs.getString(1), kind, rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5))));
        }
        return result;
    }

    private static List<List<String>> chunks(Collection<String> ids) {
        var all = List.copyOf(ids);
        var chunks = new ArrayList<List<String>>();
        for (int i = 0; i < all.size(); i += 500) {
            chunks.add(all.subList(i, Math.min(all.size(), i + 500)));
        }
        return chunks;
    }

    private void insertValues(String sql, String entryUuid, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(sql, values.stream().map(v -> new Object[] {entryUuid, v}).toList());
    }

    private static List<String> distinct(List<String> values) {
        return values.stream().distinct().toList();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
