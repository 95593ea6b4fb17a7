// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import net.imagingexchange.repository.storage.ContentKey;

/**
 * Which documents the repository holds, and where their bytes are. A submission's documents are recorded as pending
 * before its ITI-42 is sent and made available only once the registry accepted them (DESIGN.md 6), so ITI-43 never
 * returns a document the registry refused.
 */
public final class DocumentIndex {

    private final DataSource dataSource;
    private final Clock clock;

    public DocumentIndex(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Records a document of {@code submissionId}, not yet retrievable. */
    public void addPending(String submissionId, IndexedDocument document) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO document (submission_id,"
                     + " document_unique_id, content_key, mime_type, size, sha1, available, stored_at_millis)"
                     + " VALUES (?, ?, ?, ?, ?, ?, FALSE, ?)")) {
            insert.setString(1, submissionId);
            insert.setString(2, document.documentUniqueId());
            insert.setString(3, document.content().sha256());
            insert.setString(4, document.mimeType());
            insert.setLong(5, document.size());
            insert.setString(6, document.sha1());
            insert.setLong(7, clock.millis());
            insert.executeUpdate();
        }
    }

    /** Makes every document of a submission the registry accepted retrievable. */
    public void makeAvailable(String submissionId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE document SET available = TRUE WHERE submission_id = ?")) {
            update.setString(1, submissionId);
            update.executeUpdate();
        }
    }

    /**
     * Forgets the pending documents of a submission the registry refused.
     *
     * @return the content they referenced; the caller removes what nothing else references.
     */
    public Set<ContentKey> removePending(String submissionId) throws SQLException {
        var keys = new LinkedHashSet<ContentKey>();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT content_key FROM document WHERE submission_id = ? AND available = FALSE")) {
                select.setString(1, submissionId);
                try (var rows = select.executeQuery()) {
                    while (rows.next()) {
                        keys.add(new ContentKey(rows.getString(1)));
                    }
                }
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM document WHERE submission_id = ? AND available = FALSE")) {
                delete.setString(1, submissionId);
                delete.executeUpdate();
            }
        }
        return keys;
    }

    /**
     * Submissions whose documents are still not available although they were stored before {@code storedBefore}:
     * their registration's outcome is unknown (an answer lost, a crash).
     *
     * @return submission id to (document uniqueId to hash).
     */
    public Map<String, Map<String, String>> pendingSubmissions(Instant storedBefore) throws SQLException {
        var pending = new LinkedHashMap<String, Map<String, String>>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT submission_id, document_unique_id, sha1"
                     + " FROM document WHERE available = FALSE AND stored_at_millis < ? ORDER BY id")) {
            select.setLong(1, storedBefore.toEpochMilli());
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    pending.computeIfAbsent(rows.getString(1), id -> new LinkedHashMap<>())
                            .put(rows.getString(2), rows.getString(3));
                }
            }
        }
        return pending;
    }

    /** Whether any document, pending or available, still uses {@code key}. */
    public boolean references(ContentKey key) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT 1 FROM document WHERE content_key = ? LIMIT 1")) {
            select.setString(1, key.sha256());
            try (var rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** The available documents among {@code documentUniqueIds}; unknown or pending ones are absent. */
    public Map<String, IndexedDocument> available(Collection<String> documentUniqueIds) throws SQLException {
        var found = new HashMap<String, IndexedDocument>();
        if (documentUniqueIds.isEmpty()) {
            return found;
        }
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(documentUniqueIds));
        String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT document_unique_id, content_key,"
                     + " mime_type, size, sha1 FROM document WHERE available = TRUE AND document_unique_id IN ("
                     + marks + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                select.setString(i + 1, ids.get(i));
            }
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    // an identical resubmission (same hash and size, ITI TF-3 4.1.7) may index a uniqueId twice
                    found.putIfAbsent(rows.getString(1), new IndexedDocument(rows.getString(1),
                            new ContentKey(rows.getString(2)), rows.getString(3), rows.getLong(4), rows.getString(5)));
                }
            }
        }
        return found;
    }
}
