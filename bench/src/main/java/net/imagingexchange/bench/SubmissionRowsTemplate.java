// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The rows that our registry wrote for one submission, read back from its database, with the submission's
 * identifiers (entryUUIDs, uid arc, patient number) turned into tokens. Filled for another submission, they are
 * exactly the rows the registry would write for it: same tables, same columns, same XML sizes.
 */
final class SubmissionRowsTemplate {

    /** Tables in the order the registrar writes them; each with the column that ties a row to the submission. */
    private static final List<String[]> TABLES = List.of(
            new String[] {"submission_set", "entry_uuid"},
            new String[] {"submission_set_author", "entry_uuid"},
            new String[] {"document_entry", "entry_uuid"},
            new String[] {"document_entry_code", "entry_uuid"},
            new String[] {"document_entry_author", "entry_uuid"},
            new String[] {"document_entry_reference", "entry_uuid"},
            new String[] {"folder", "entry_uuid"},
            new String[] {"folder_code", "entry_uuid"},
            new String[] {"association", "entry_uuid"});
    private static final String NOW = "\u0000NOW";
    private static final String UID = "\u0000UID";
    private static final String PATIENT = "\u0000PAT";

    /** One table's rows: values are tokenised strings, {@link #NOW}, or other JDBC values taken as they are. */
    record TableRows(String table, List<String> columns, List<Object[]> rows) {
        String insertSql() {
            return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        }
    }

    private final List<TableRows> tables;
    /** token to "keep the urn:uuid: prefix" for each entryUUID of the template submission. */
    private final Map<String, Boolean> uuidTokens;

    private SubmissionRowsTemplate(List<TableRows> tables, Map<String, Boolean> uuidTokens) {
        this.tables = List.copyOf(tables);
        this.uuidTokens = Map.copyOf(uuidTokens);
    }

    List<TableRows> tables() {
        return tables;
    }

    /** Reads the rows of the calibration submission from our registry's database. */
    static SubmissionRowsTemplate capture(Connection registry, int submission) throws SQLException {
        String setUuid = single(registry, "SELECT entry_uuid FROM submission_set WHERE unique_id = ?",
                Workload.submissionSetUniqueId(submission)).get(0);
        var ids = new ArrayList<String>(List.of(setUuid));
        ids.addAll(single(registry, "SELECT entry_uuid FROM association WHERE source_uuid = ?", setUuid));
        ids.addAll(single(registry, "SELECT target_uuid FROM association WHERE source_uuid = ?", setUuid));
        var tokens = new LinkedHashMap<String, String>();
        var uuidTokens = new LinkedHashMap<String, Boolean>();
        for (String id : ids) {
            String token = "\u0000ID" + tokens.size() + "\u0000";
            tokens.put(id, token);
            uuidTokens.put(token, id.startsWith("urn:uuid:"));
        }
        tokens.put(Workload.uid(submission), UID);
        tokens.put(String.format("PAT%06d", Workload.CALIBRATION_PATIENT), PATIENT);
        var tables = new ArrayList<TableRows>();
        for (String[] table : TABLES) {
            TableRows rows = read(registry, table[0], table[1], ids, tokens);
            if (!rows.rows().isEmpty()) {
                tables.add(rows);
            }
        }
        return new SubmissionRowsTemplate(tables, uuidTokens);
    }

    /** The values for one submission: fresh entryUUIDs, its uid arc and patient, the current time. */
    Map<String, String> valuesFor(int submission, int patient) {
        var values = new LinkedHashMap<String, String>();
        uuidTokens.forEach((token, prefixed) -> values.put(token, (prefixed ? "urn:uuid:" : "") + UUID.randomUUID()));
        values.put(UID, Workload.uid(submission));
        values.put(PATIENT, String.format("PAT%06d", patient));
        return values;
    }

    /** Binds one template row, filled with {@code values}, to an INSERT of its table. */
    static void bind(PreparedStatement insert, Object[] row, Map<String, String> values, Timestamp now)
            throws SQLException {
        for (int i = 0; i < row.length; i++) {
            Object value = row[i];
            if (NOW.equals(value)) {
                insert.setTimestamp(i + 1, now);
            } else if (value instanceof String text) {
                insert.setString(i + 1, fill(text, values));
            } else {
                insert.setObject(i + 1, value);
            }
        }
    }

    private static String fill(String text, Map<String, String> values) {
        if (text.indexOf('\u0000') < 0) {
            return text;
        }
        String filled = text;
        for (var value : values.entrySet()) {
            filled = filled.replace(value.getKey(), value.getValue());
        }
        return filled;
    }

    private static TableRows read(Connection db, String table, String idColumn, List<String> ids,
                                  Map<String, String> tokens) throws SQLException {
        String sql = "SELECT * FROM " + table + " WHERE " + idColumn + " IN ("
                + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")";
        try (var select = db.prepareStatement(sql)) {
            for (int i = 0; i < ids.size(); i++) {
                select.setString(i + 1, ids.get(i));
            }
            try (var rs = select.executeQuery()) {
                var meta = rs.getMetaData();
                var columns = new ArrayList<String>();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    columns.add(meta.getColumnName(c));
                }
                var rows = new ArrayList<Object[]>();
                while (rs.next()) {
                    var row = new Object[columns.size()];
                    for (int c = 0; c < row.length; c++) {
                        Object value = rs.getObject(c + 1);
                        row[c] = value instanceof String text ? tokenised(text, tokens)
                                : value instanceof Temporal || value instanceof Timestamp ? NOW
                                : value;
                    }
                    rows.add(row);
                }
                return new TableRows(table, columns, rows);
            }
        }
    }

    private static String tokenised(String text, Map<String, String> tokens) {
        String result = text;
        for (var token : tokens.entrySet()) {
            result = result.replace(token.getKey(), token.getValue());
        }
        return result;
    }

    private static List<String> single(Connection db, String sql, String parameter) throws SQLException {
        try (var select = db.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (var rs = select.executeQuery()) {
                var values = new ArrayList<String>();
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
                if (values.isEmpty()) {
                    throw new IllegalStateException("the registry stored nothing for: " + sql + " " + parameter);
                }
                return values;
            }
        }
    }
}
