-- XDS.b Document Registry schema (DESIGN.md section 6). Portable across H2 2.x and MySQL 8 / MariaDB 10.11.
-- One row per registry object with an indexed column for every stored-query parameter (ITI TF-2 3.18.4.1.2.3.7),
-- child tables for the multi-valued ones, and the object's ebRIM XML as registered for LeafClass answers.
-- Codes are stored as 'code^^codingScheme', the form stored queries use (ITI TF-2 3.18.4.1.2.3.4).
-- Times are DTM digit strings (ITI TF-3 4.2.3.1.7): comparing them as text gives the From/To semantics.

CREATE TABLE patient (
    patient_id   VARCHAR(255) NOT NULL,
    merged_into  VARCHAR(255),
    updated_at   TIMESTAMP    NOT NULL,
    PRIMARY KEY (patient_id)
);
CREATE INDEX patient_merged_into ON patient (merged_into);

CREATE TABLE document_entry (
    entry_uuid     VARCHAR(64)  NOT NULL,
    unique_id      VARCHAR(128) NOT NULL,
    patient_id     VARCHAR(255) NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    object_type    VARCHAR(64)  NOT NULL,
    class_code     VARCHAR(255) NOT NULL,
    type_code      VARCHAR(255) NOT NULL,
    format_code    VARCHAR(255) NOT NULL,
    practice_code  VARCHAR(255) NOT NULL,
    facility_code  VARCHAR(255) NOT NULL,
    creation_time  VARCHAR(14),
    service_start  VARCHAR(14),
    service_stop   VARCHAR(14),
    hash           VARCHAR(40),
    size_bytes     BIGINT,
    repository_id  VARCHAR(64),
    registered_at  TIMESTAMP    NOT NULL,
    xml            MEDIUMTEXT   NOT NULL,
    PRIMARY KEY (entry_uuid)
);
CREATE INDEX document_entry_patient ON document_entry (patient_id, status);
CREATE INDEX document_entry_unique_id ON document_entry (unique_id);

-- eventCodeList (kind 'E') and confidentialityCode (kind 'C')
CREATE TABLE document_entry_code (
    entry_uuid  VARCHAR(64)  NOT NULL,
    kind        CHAR(1)      NOT NULL,
    code        VARCHAR(255) NOT NULL,
    PRIMARY KEY (entry_uuid, kind, code)
);
CREATE INDEX document_entry_code_lookup ON document_entry_code (kind, code);

CREATE TABLE document_entry_author (
    entry_uuid  VARCHAR(64)  NOT NULL,
    person      VARCHAR(255) NOT NULL
);
CREATE INDEX document_entry_author_entry ON document_entry_author (entry_uuid);

CREATE TABLE document_entry_reference (
    entry_uuid    VARCHAR(64)  NOT NULL,
    reference_id  VARCHAR(255) NOT NULL,
    PRIMARY KEY (entry_uuid, reference_id)
);
CREATE INDEX document_entry_reference_id ON document_entry_reference (reference_id);

CREATE TABLE submission_set (
    entry_uuid       VARCHAR(64)  NOT NULL,
    unique_id        VARCHAR(128) NOT NULL,
    patient_id       VARCHAR(255) NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    source_id        VARCHAR(64)  NOT NULL,
    submission_time  VARCHAR(14)  NOT NULL,
    content_type     VARCHAR(255),
    registered_at    TIMESTAMP    NOT NULL,
    xml              MEDIUMTEXT   NOT NULL,
    PRIMARY KEY (entry_uuid),
    CONSTRAINT submission_set_unique_id UNIQUE (unique_id)
);
CREATE INDEX submission_set_patient ON submission_set (patient_id, status);

CREATE TABLE submission_set_author (
    entry_uuid  VARCHAR(64)  NOT NULL,
    person      VARCHAR(255) NOT NULL
);
CREATE INDEX submission_set_author_entry ON submission_set_author (entry_uuid);

CREATE TABLE folder (
    entry_uuid        VARCHAR(64)  NOT NULL,
    unique_id         VARCHAR(128) NOT NULL,
    patient_id        VARCHAR(255) NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    last_update_time  VARCHAR(14)  NOT NULL,
    registered_at     TIMESTAMP    NOT NULL,
    xml               MEDIUMTEXT   NOT NULL,
    PRIMARY KEY (entry_uuid),
    CONSTRAINT folder_unique_id UNIQUE (unique_id)
);
CREATE INDEX folder_patient ON folder (patient_id, status);

CREATE TABLE folder_code (
    entry_uuid  VARCHAR(64)  NOT NULL,
    code        VARCHAR(255) NOT NULL,
    PRIMARY KEY (entry_uuid, code)
);

-- associations; type is the short name (HasMember, RPLC, XFRM, APND, XFRM_RPLC, signs, IsSnapshotOf)
CREATE TABLE association (
    entry_uuid     VARCHAR(64)  NOT NULL,
    type           VARCHAR(32)  NOT NULL,
    source_uuid    VARCHAR(64)  NOT NULL,
    target_uuid    VARCHAR(64)  NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    registered_at  TIMESTAMP    NOT NULL,
    xml            MEDIUMTEXT   NOT NULL,
    PRIMARY KEY (entry_uuid)
);
CREATE INDEX association_source ON association (source_uuid, type);
CREATE INDEX association_target ON association (target_uuid, type);
