// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The limit: what plain JDBC does with the same rows on the same MariaDB server, in a database of its own with the
 * registry's schema (V1__registry.sql). One connection per client thread; a submission is one transaction of
 * INSERTs and nothing else: no parsing, no validation, no registry rule reads. The two queries are the SELECTs a
 * FindDocuments and a FindDocumentsByReferenceId boil down to, reading entryUUID and XML of each entry.
 */
final class PlainJdbcLimit implements AutoCloseable {

    /** ITI TF-3 4.2.3.2.13: FindDocuments without $XDSDocumentEntryType returns stable entries only. */
    static final String STABLE = "urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1";
    private static final String FIND_DOCUMENTS = "SELECT entry_uuid, xml FROM document_entry"
            + " WHERE patient_id = ? AND status = 'Approved' AND object_type = '" + STABLE + "'";
    private static final String FIND_BY_REFERENCE_ID = "SELECT d.entry_uuid, d.xml FROM document_entry_reference r"
            + " JOIN document_entry d ON d.entry_uuid = r.entry_uuid WHERE r.reference_id = ? AND d.patient_id = ?"
            + " AND d.status = 'Approved' AND d.object_type = '" + STABLE + "'";

    private final SubmissionRowsTemplate template;
    private final Workload workload;
    private final List<Connection> connections = new ArrayList<>();
    private final List<Map<String, PreparedStatement>> inserts = new ArrayList<>();
    private final PreparedStatement findDocuments;
    private final PreparedStatement findByReferenceId;

    /** Connects {@code writers} connections for the inserts and one for the queries; the schema must exist. */
    PlainJdbcLimit(Database database, SubmissionRowsTemplate template, Workload workload, int writers)
            throws SQLException {
        this.template = template;
        this.workload = workload;
        for (int w = 0; w < writers; w++) {
            Connection connection = database.connect();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            connections.add(connection);
            var statements = new HashMap<String, PreparedStatement>();
            for (var table : template.tables()) {
                statements.put(table.table(), connection.prepareStatement(table.insertSql()));
            }
            inserts.add(statements);
        }
        Connection reader = database.connect();
        connections.add(reader);
        this.findDocuments = reader.prepareStatement(FIND_DOCUMENTS);
        this.findByReferenceId = reader.prepareStatement(FIND_BY_REFERENCE_ID);
    }

    /** A database on the bench's MariaDB server. */
    record Database(String url, String user, String password) {
        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }

    /** Inserts the rows of one submission in one transaction, on the connection of client thread {@code worker}. */
    void register(int worker, int submission) throws SQLException {
        Connection connection = connections.get(worker);
        var values = template.valuesFor(submission, workload.patientOf(submission));
        var now = Timestamp.from(Instant.now());
        try {
            for (var table : template.tables()) {
                PreparedStatement insert = inserts.get(worker).get(table.table());
                for (Object[] row : table.rows()) {
                    SubmissionRowsTemplate.bind(insert, row, values, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    /** The entries FindDocuments returns for a patient, with their XML read. */
    int findDocuments(String patientId) throws SQLException {
        findDocuments.setString(1, patientId);
        return readEntries(findDocuments);
    }

    int findDocumentsByReferenceId(String patientId, String referenceId) throws SQLException {
        findByReferenceId.setString(1, referenceId);
        findByReferenceId.setString(2, patientId);
        return readEntries(findByReferenceId);
    }

    private static int readEntries(PreparedStatement select) throws SQLException {
        int n = 0;
        long chars = 0;
        try (var rs = select.executeQuery()) {
            while (rs.next()) {
                chars += rs.getString(1).length() + rs.getString(2).length();
                n++;
            }
        }
        // the XML is read as a consumer's answer needs it; the count depends on it so the reads are not skipped
        return chars > 0 ? n : 0;
    }

    @Override
    public void close() throws SQLException {
        for (Connection connection : connections) {
            connection.close();
        }
    }
}
