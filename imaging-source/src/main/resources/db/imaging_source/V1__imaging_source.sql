-- The imaging source's index of received instances (DESIGN.md 6). The Part 10 files are the truth: a row is
-- written after its file is durable, and files a crash left unindexed are indexed again at start-up.
-- Patient attributes are kept per study: an instance whose patient differs from its study's is refused.
CREATE TABLE study (
    study_uid              VARCHAR(64)   NOT NULL PRIMARY KEY,
    patient_id             VARCHAR(64)   NOT NULL,
    issuer_of_patient_id   VARCHAR(64)   NOT NULL, -- (0010,0021), or the qualifiers' Universal Entity ID
    patient_name           VARCHAR(324)  NOT NULL,
    patient_birth_date     VARCHAR(8)    NOT NULL,
    patient_sex            VARCHAR(16)   NOT NULL,
    study_date             VARCHAR(8)    NOT NULL,
    study_time             VARCHAR(32)   NOT NULL,
    accession_number       VARCHAR(16)   NOT NULL,
    accession_issuer       VARCHAR(64)   NOT NULL,
    study_description      VARCHAR(64)   NOT NULL,
    referring_physician    VARCHAR(324)  NOT NULL,
    study_id               VARCHAR(16)   NOT NULL,
    institution_name       VARCHAR(64)   NOT NULL,
    timezone_offset        VARCHAR(5)    NOT NULL,
    other_patient_ids      VARCHAR(2048) NOT NULL, -- id^^^&oid&ISO values of Other Patient IDs Sequence, '\'
    content_revision       BIGINT        NOT NULL, -- incremented with every new or changed instance
    last_received_millis   BIGINT        NOT NULL  -- epoch milliseconds of the last new or changed instance
);
CREATE INDEX study_patient ON study (patient_id);
CREATE INDEX study_accession ON study (accession_number);
CREATE INDEX study_date ON study (study_date);

CREATE TABLE series (
    series_uid         VARCHAR(64)  NOT NULL PRIMARY KEY,
    study_uid          VARCHAR(64)  NOT NULL,
    modality           VARCHAR(16)  NOT NULL,
    series_number      VARCHAR(12)  NOT NULL,
    series_description VARCHAR(64)  NOT NULL,
    body_part_examined VARCHAR(64)  NOT NULL,
    CONSTRAINT series_study FOREIGN KEY (study_uid) REFERENCES study (study_uid)
);
CREATE INDEX series_of_study ON series (study_uid);

CREATE TABLE instance (
    sop_instance_uid     VARCHAR(64)  NOT NULL PRIMARY KEY,
    series_uid           VARCHAR(64)  NOT NULL,
    study_uid            VARCHAR(64)  NOT NULL,
    sop_class_uid        VARCHAR(64)  NOT NULL,
    transfer_syntax_uid  VARCHAR(64)  NOT NULL,
    instance_number      VARCHAR(12)  NOT NULL,
    number_of_frames     INT          NOT NULL,
    file_name            VARCHAR(300) NOT NULL, -- relative to the instances directory
    file_size            BIGINT       NOT NULL,
    sha1                 CHAR(40)     NOT NULL, -- of the data set as received, without the file meta information
    received_millis      BIGINT       NOT NULL,
    CONSTRAINT instance_series FOREIGN KEY (series_uid) REFERENCES series (series_uid)
);
CREATE INDEX instance_of_series ON instance (series_uid);
CREATE INDEX instance_of_study ON instance (study_uid);

-- Publication of each study's manifest (RAD-68), its state and its history of attempts.
CREATE TABLE publication (
    study_uid             VARCHAR(64)   NOT NULL PRIMARY KEY,
    state                 VARCHAR(16)   NOT NULL, -- RECEIVING, HELD, PUBLISHED, FAILED (see Publication)
    reason                VARCHAR(2048) NOT NULL, -- why HELD or FAILED, empty otherwise
    regional_patient_id   VARCHAR(255)  NOT NULL, -- CX, empty until mapped
    published_revision    BIGINT        NOT NULL, -- the study's content_revision the current manifest lists
    manifest_uid          VARCHAR(64)   NOT NULL, -- SOP Instance UID = XDS uniqueId of the current manifest
    manifest_entry_uuid   VARCHAR(64)   NOT NULL, -- its DocumentEntry entryUUID, the target of the next RPLC
    published_millis      BIGINT        NOT NULL,
    pending_manifest_uid  VARCHAR(64)   NOT NULL, -- a manifest sent without a clear answer, re-sent as it was
    pending_entry_uuid    VARCHAR(64)   NOT NULL,
    pending_revision      BIGINT        NOT NULL,
    attempts              INT           NOT NULL, -- failed attempts since the last success
    next_attempt_millis   BIGINT        NOT NULL,
    CONSTRAINT publication_study FOREIGN KEY (study_uid) REFERENCES study (study_uid)
);
CREATE INDEX publication_due ON publication (state, next_attempt_millis);
