// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.index;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The index of received studies, series and instances (DESIGN.md 6). An instance is indexed after its file is
 * durable, in one transaction with its series and study; changes to one study are serialised by {@link StudyLocks}.
 */
public final class StudyIndex {

    private static final String STUDY_COLUMNS = "study_uid, patient_id, issuer_of_patient_id, patient_name,"
            + " patient_birth_date, patient_sex, other_patient_ids, study_date, study_time, accession_number,"
            + " accession_issuer, study_description, referring_physician, study_id, institution_name,"
            + " timezone_offset, content_revision, last_received_millis";
    private static final String SERIES_COLUMNS = "series_uid, study_uid, modality, series_number, series_description,"
            + " body_part_examined";
    private static final String INSTANCE_COLUMNS = "sop_instance_uid, series_uid, study_uid, sop_class_uid,"
            + " transfer_syntax_uid, instance_number, number_of_frames, file_name, file_size, sha1, received_millis";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final StudyLocks locks;
    private final Clock clock;

    public StudyIndex(DataSource dataSource, StudyLocks locks, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.locks = locks;
        this.clock = clock;
    }

    /** Puts a received instance's file in place, durably; run by {@link #index} once the instance is accepted. */
    @FunctionalInterface
    public interface FileKeeper {
        void keep() throws IOException;
    }

    /**
     * Indexes a received instance: checks it against what is indexed, has its file kept, then records it, all under
     * its study's lock.
     *
     * @param study    the study as this instance describes it; creates the study if it is new.
     * @param series   the series as this instance describes it; creates the series if it is new.
     * @param keeper   puts the file in place; not run when the instance is refused or unchanged.
     * @throws IndexConflictException the instance names another patient than its study, or its SOP Instance UID is
     *                                indexed in another study or series; nothing is kept or indexed.
     */
    public IndexOutcome index(StudyRecord study, SeriesRecord series, InstanceRecord instance, FileKeeper keeper)
            throws IndexConflictException, IOException {
        var lock = locks.of(study.studyInstanceUid());
        lock.lock();
        try {
            Optional<StudyRecord> known = study(study.studyInstanceUid());
            if (known.isPresent() && !known.get().patient().sameIdentifier(study.patient())) {
                throw new IndexConflictException("patient " + study.patient().describe() + " is not "
                        + known.get().patient().describe() + " of study " + study.studyInstanceUid());
            }
            Optional<InstanceRecord> previous = instance(instance.sopInstanceUid());
            if (previous.isPresent()) {
                InstanceRecord before = previous.get();
                if (!before.studyInstanceUid().equals(instance.studyInstanceUid())
                        || !before.seriesInstanceUid().equals(instance.seriesInstanceUid())) {
                    throw new IndexConflictException("SOP Instance " + instance.sopInstanceUid()
                            + " is stored in series " + before.seriesInstanceUid() + " of study "
                            + before.studyInstanceUid());
                }
                if (before.sha1().equals(instance.sha1())) {
                    return IndexOutcome.UNCHANGED;
                }
            }
            Optional<SeriesRecord> knownSeries = series(series.seriesInstanceUid());
            if (knownSeries.isPresent() && !knownSeries.get().studyInstanceUid().equals(study.studyInstanceUid())) {
                throw new IndexConflictException("series " + series.seriesInstanceUid() + " belongs to study "
                        + knownSeries.get().studyInstanceUid());
            }
            keeper.keep();
            long now = clock.millis();
            transactions.executeWithoutResult(status -> {
                if (known.isEmpty()) {
                    insertStudy(study, now);
                } else {
                    jdbc.update("UPDATE study SET content_revision = content_revision + 1, last_received_millis = ?"
                            + " WHERE study_uid = ?", now, study.studyInstanceUid());
                    jdbc.update("UPDATE publication SET next_attempt_millis = 0 WHERE study_uid = ?",
                            study.studyInstanceUid());
                }
                if (knownSeries.isEmpty()) {
                    jdbc.update("INSERT INTO series (" + SERIES_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)",
                            series.seriesInstanceUid(), series.studyInstanceUid(), series.modality(),
                            series.seriesNumber(), series.seriesDescription(), series.bodyPartExamined());
                }
                if (previous.isEmpty()) {
                    jdbc.update("INSERT INTO instance (" + INSTANCE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                            + " ?, ?)", instance.sopInstanceUid(), instance.seriesInstanceUid(),
                            instance.studyInstanceUid(), instance.sopClassUid(), instance.transferSyntaxUid(),
                            instance.instanceNumber(), instance.numberOfFrames(), instance.fileName(),
                            instance.fileSize(), instance.sha1(), now);
                } else {
                    jdbc.update("UPDATE instance SET sop_class_uid = ?, transfer_syntax_uid = ?, instance_number = ?,"
                            + " number_of_frames = ?, file_name = ?, file_size = ?, sha1 = ?, received_millis = ?"
                            + " WHERE sop_instance_uid = ?", instance.sopClassUid(), instance.transferSyntaxUid(),
                            instance.instanceNumber(), instance.numberOfFrames(), instance.fileName(),
                            instance.fileSize(), instance.sha1(), now, instance.sopInstanceUid());
                }
            });
            return previous.isEmpty() ? IndexOutcome.ADDED : IndexOutcome.REPLACED;
        } finally {
            lock.unlock();
        }
    }

    private void insertStudy(StudyRecord study, long now) {
        var patient = study.patient();
        jdbc.update("INSERT INTO study (" + STUDY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " 1, ?)", study.studyInstanceUid(), patient.patientId(), patient.issuer(), patient.name(),
                patient.birthDate(), patient.sex(), encode(patient.otherIds()), study.studyDate(), study.studyTime(),
                study.accessionNumber(), study.accessionIssuer(), study.studyDescription(),
                study.referringPhysicianName(), study.studyId(), study.institutionName(), study.timezoneOffset(),
                now);
        jdbc.update("INSERT INTO publication (study_uid, state, reason, regional_patient_id, published_revision,"
                + " manifest_uid, manifest_entry_uuid, published_millis, pending_manifest_uid, pending_entry_uuid,"
                + " pending_revision, attempts, next_attempt_millis) VALUES (?, 'RECEIVING', '', '', 0, '', '', 0,"
                + " '', '', 0, 0, 0)", study.studyInstanceUid());
    }

    public Optional<StudyRecord> study(String studyInstanceUid) {
        return jdbc.query("SELECT " + STUDY_COLUMNS + " FROM study WHERE study_uid = ?", StudyIndex::study,
                studyInstanceUid).stream().findFirst();
    }

    public Optional<SeriesRecord> series(String seriesInstanceUid) {
        return jdbc.query("SELECT " + SERIES_COLUMNS + " FROM series WHERE series_uid = ?", SERIES,
                seriesInstanceUid).stream().findFirst();
    }

    /** The series of a study, by Series Number then UID. */
    public List<SeriesRecord> seriesOf(String studyInstanceUid) {
        return sortSeries(jdbc.query("SELECT " + SERIES_COLUMNS + " FROM series WHERE study_uid = ?", SERIES,
                studyInstanceUid));
    }

    public Optional<InstanceRecord> instance(String sopInstanceUid) {
        return jdbc.query("SELECT " + INSTANCE_COLUMNS + " FROM instance WHERE sop_instance_uid = ?", INSTANCE,
                sopInstanceUid).stream().findFirst();
    }

    /** The instances of a study, by series then Instance Number then UID. */
    public List<InstanceRecord> instancesOfStudy(String studyInstanceUid) {
        return sortInstances(jdbc.query("SELECT " + INSTANCE_COLUMNS + " FROM instance WHERE study_uid = ?",
                INSTANCE, studyInstanceUid));
    }

    /** The instances of a series, by Instance Number then UID. */
    public List<InstanceRecord> instancesOfSeries(String seriesInstanceUid) {
        return sortInstances(jdbc.query("SELECT " + INSTANCE_COLUMNS + " FROM instance WHERE series_uid = ?",
                INSTANCE, seriesInstanceUid));
    }

    /**
     * A consistent picture of one study for its manifest: the study, its series and its instances at one content
     * revision, read under the study's lock.
     */
    public Optional<StudySnapshot> snapshot(String studyInstanceUid) {
        var lock = locks.of(studyInstanceUid);
        lock.lock();
        try {
            return study(studyInstanceUid).map(study -> new StudySnapshot(study, seriesOf(studyInstanceUid),
                    instancesOfStudy(studyInstanceUid)));
        } finally {
            lock.unlock();
        }
    }

    /** Every indexed file name, to find the files a crash left unindexed. */
    public Set<String> fileNames() {
        return new HashSet<>(jdbc.queryForList("SELECT file_name FROM instance", String.class));
    }

    private static List<SeriesRecord> sortSeries(List<SeriesRecord> series) {
        var sorted = new ArrayList<>(series);
        sorted.sort(Comparator.comparingLong((SeriesRecord s) -> number(s.seriesNumber()))
                .thenComparing(SeriesRecord::seriesInstanceUid));
        return sorted;
    }

    private static List<InstanceRecord> sortInstances(List<InstanceRecord> instances) {
        var sorted = new ArrayList<>(instances);
        sorted.sort(Comparator.comparing(InstanceRecord::seriesInstanceUid)
                .thenComparingLong(i -> number(i.instanceNumber()))
                .thenComparing(InstanceRecord::sopInstanceUid));
        return sorted;
    }

    private static long number(String integerString) {
        try {
            return Long.parseLong(integerString.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static String encode(List<StudyRecord.OtherId> ids) {
        return ids.stream().map(id -> id.patientId() + "\t" + id.issuer()).collect(Collectors.joining("\n"));
    }

    private static List<StudyRecord.OtherId> decode(String ids) {
        var list = new ArrayList<StudyRecord.OtherId>();
        if (!ids.isEmpty()) {
            for (String line : ids.split("\n")) {
                String[] parts = line.split("\t", 2);
                list.add(new StudyRecord.OtherId(parts[0], parts.length > 1 ? parts[1] : ""));
            }
        }
        return List.copyOf(list);
    }

    private static StudyRecord study(ResultSet row, int n) throws SQLException {
        var patient = new StudyRecord.Patient(row.getString("patient_id"), row.getString("issuer_of_patient_id"),
                row.getString("patient_name"), row.getString("patient_birth_date"), row.getString("patient_sex"),
                decode(row.getString("other_patient_ids")));
        return new StudyRecord(row.getString("study_uid"), patient, row.getString("study_date"),
                row.getString("study_time"), row.getString("accession_number"), row.getString("accession_issuer"),
                row.getString("study_description"), row.getString("referring_physician"), row.getString("study_id"),
                row.getString("institution_name"), row.getString("timezone_offset"),
                row.getLong("content_revision"), row.getLong("last_received_millis"));
    }

    private static final RowMapper<SeriesRecord> SERIES = (row, n) -> new SeriesRecord(row.getString("series_uid"),
            row.getString("study_uid"), row.getString("modality"), row.getString("series_number"),
            row.getString("series_description"), row.getString("body_part_examined"));

    private static final RowMapper<InstanceRecord> INSTANCE = (row, n) -> new InstanceRecord(
            row.getString("sop_instance_uid"), row.getString("series_uid"), row.getString("study_uid"),
            row.getString("sop_class_uid"), row.getString("transfer_syntax_uid"), row.getString("instance_number"),
            row.getInt("number_of_frames"), row.getString("file_name"), row.getLong("file_size"),
            row.getString("sha1"), row.getLong("received_millis"));
}
