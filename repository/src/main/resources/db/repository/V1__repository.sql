-- The repository's index of stored documents (DESIGN.md 6). A row is written, not available, before the
-- submission's ITI-42 is sent; it becomes available once the registry accepted the metadata, and is removed with
-- its content when the registry refused it. Content is shared by identical documents (content_key).
CREATE TABLE document (
    id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    submission_id      CHAR(36)     NOT NULL,
    document_unique_id VARCHAR(255) NOT NULL,
    content_key        CHAR(64)     NOT NULL,
    mime_type          VARCHAR(255) NOT NULL,
    size               BIGINT       NOT NULL,
    sha1               CHAR(40)     NOT NULL,
    available          BOOLEAN      NOT NULL,
    stored_at_millis   BIGINT       NOT NULL -- epoch milliseconds (UTC), free of time-zone conversions
);
CREATE INDEX document_unique_id ON document (document_unique_id, available);
CREATE INDEX document_submission ON document (submission_id);
CREATE INDEX document_content ON document (content_key);
