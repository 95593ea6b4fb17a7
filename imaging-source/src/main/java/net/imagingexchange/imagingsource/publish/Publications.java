// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.publish;

import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** The publication table: each study's manifest state, what is pending, and when to try again. */
public final class Publications {

    private static final String COLUMNS = "study_uid, state, reason, regional_patient_id, published_revision,"
            + " manifest_uid, manifest_entry_uuid, published_millis, pending_manifest_uid, pending_entry_uuid,"
            + " pending_revision, attempts, next_attempt_millis";

    private final JdbcTemplate jdbc;

    public Publications(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public Optional<PublicationRecord> get(String studyInstanceUid) {
        return jdbc.query("SELECT " + COLUMNS + " FROM publication WHERE study_uid = ?", ROW, studyInstanceUid)
                .stream().findFirst();
    }

    /** Every study's publication, most recently received first, at most {@code limit}. */
    public List<PublicationRecord> list(int limit) {
        return jdbc.query("SELECT " + prefixed("p") + " FROM publication p JOIN study s ON s.study_uid = p.study_uid"
                + " ORDER BY s.last_received_millis DESC LIMIT ?", ROW, limit);
    }

    /**
     * Studies whose instances changed since their manifest, that have been quiet since {@code quietSince}, and whose
     * next attempt is due at {@code now}.
     */
    public List<String> due(long now, long quietSince) {
        return jdbc.queryForList("SELECT p.study_uid FROM publication p JOIN study s ON s.study_uid = p.study_uid"
                + " WHERE s.content_revision > p.published_revision AND s.last_received_millis <= ?"
                + " AND p.next_attempt_millis <= ? ORDER BY s.last_received_millis", String.class, quietSince, now);
    }

    /** A manifest is about to be sent: recorded first, so that an answer lost in a crash is resolved by re-sending. */
    public void pending(String studyInstanceUid, PublicationRecord.Manifest manifest) {
        jdbc.update("UPDATE publication SET pending_manifest_uid = ?, pending_entry_uuid = ?, pending_revision = ?"
                + " WHERE study_uid = ?", manifest.uid(), manifest.entryUuid(), manifest.revision(), studyInstanceUid);
    }

    public void published(String studyInstanceUid, PublicationRecord.Manifest manifest, String regionalPatientId,
                          long now) {
        jdbc.update("UPDATE publication SET state = 'PUBLISHED', reason = '', regional_patient_id = ?,"
                + " published_revision = ?, manifest_uid = ?, manifest_entry_uuid = ?, published_millis = ?,"
                + " pending_manifest_uid = '', pending_entry_uuid = '', pending_revision = 0, attempts = 0,"
                + " next_attempt_millis = 0 WHERE study_uid = ?", regionalPatientId, manifest.revision(),
                manifest.uid(), manifest.entryUuid(), now, studyInstanceUid);
    }

    /** Not published until a new instance arrives (or {@code retryAt}, for a mapping table changed meanwhile). */
    public void held(String studyInstanceUid, String reason, long retryAt) {
        jdbc.update("UPDATE publication SET state = 'HELD', reason = ?, next_attempt_millis = ? WHERE study_uid = ?",
                truncate(reason), retryAt, studyInstanceUid);
    }

    /**
     * A failed attempt, retried at {@code retryAt}.
     *
     * @param keepPending whether the manifest may have been registered (no clear answer): it is re-sent as it is.
     */
    public void failed(String studyInstanceUid, String reason, long retryAt, boolean keepPending) {
        jdbc.update("UPDATE publication SET state = 'FAILED', reason = ?, attempts = attempts + 1,"
                + " next_attempt_millis = ?" + (keepPending ? "" : ", pending_manifest_uid = '',"
                + " pending_entry_uuid = '', pending_revision = 0") + " WHERE study_uid = ?", truncate(reason),
                retryAt, studyInstanceUid);
    }

    /** Makes a study due now (an explicit publication request, or a change in its instances). */
    public void dueNow(String studyInstanceUid) {
        jdbc.update("UPDATE publication SET next_attempt_millis = 0 WHERE study_uid = ?", studyInstanceUid);
    }

    private static String truncate(String reason) {
        return reason.length() > 2048 ? reason.substring(0, 2045) + "..." : reason;
    }

    private static String prefixed(String alias) {
        return alias + "." + COLUMNS.replace(", ", ", " + alias + ".");
    }

    private static final RowMapper<PublicationRecord> ROW = (row, n) -> new PublicationRecord(
            row.getString("study_uid"), PublicationState.valueOf(row.getString("state")), row.getString("reason"),
            row.getString("regional_patient_id"), row.getLong("published_revision"), row.getString("manifest_uid"),
            row.getString("manifest_entry_uuid"), row.getLong("published_millis"),
            row.getString("pending_manifest_uid").isEmpty() ? null : new PublicationRecord.Manifest(
                    row.getString("pending_manifest_uid"), row.getString("pending_entry_uuid"),
                    row.getLong("pending_revision")),
            row.getInt("attempts"), row.getLong("next_attempt_millis"));
}
