// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.report;

import static java.util.Objects.requireNonNull;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import net.imagingexchange.consumer.manifest.StudyManifest;

/**
 * What one diagnostic imaging report says, as the CDA writer and the XDS metadata need it (spec/xdsi.md 6.2-6.5).
 * Built once per submission; the document itself is written from it once, to a file.
 *
 * @param document   the document's identity and versioning.
 * @param patient    the patient as the study's manifest names them, under the regional ID.
 * @param author     the radiologist; also the legal authenticator of a final report.
 * @param custodian  this reading site.
 * @param study      the study's manifest: Study, Series and SOP Instance UIDs of the DICOM Object Catalog.
 * @param modality   the study's acquisition modality (CID 29) when it has exactly one, else empty.
 * @param accession  the order the report fulfils.
 * @param findings   Findings section text.
 * @param impression Impression section text.
 * @param status     final or preliminary.
 */
public record ClinicalReport(Document document, Patient patient, Author author, Organization custodian,
                             StudyManifest study, Optional<CodedValue> modality, Accession accession, String findings,
                             String impression, ReportRequest.Status status) {

    /** ClinicalDocument/title when the request has none. */
    public static final String DEFAULT_TITLE = "Compte rendu d'imagerie";

    public ClinicalReport {
        requireNonNull(document, "document");
        requireNonNull(patient, "patient");
        requireNonNull(author, "author");
        requireNonNull(study, "study");
        requireNonNull(accession, "accession");
    }

    /**
     * @param id            ClinicalDocument/id root (an OID; also DocumentEntry.uniqueId).
     * @param setId         the id of the first version (RPLC keeps it).
     * @param version       versionNumber, 1 for a first report.
     * @param effectiveTime when the document was made, with its offset.
     * @param replaced      the document this version replaces (relatedDocument RPLC).
     */
    public record Document(String id, String setId, int version, ZonedDateTime effectiveTime, String title,
                           Optional<Parent> replaced) {
    }

    /** The parentDocument of an RPLC relationship, as its CDA says. */
    public record Parent(String id, String setId, int version) {
    }

    /**
     * @param idRoot    the assigning authority OID of the regional ID.
     * @param id        the regional ID.
     * @param name      DICOM PN ({@code Family^Given}), maybe empty.
     * @param birthDate DICOM DA, maybe empty.
     * @param sex       DICOM CS (M, F, O), maybe empty.
     */
    public record Patient(String idRoot, String id, String name, String birthDate, String sex) {

        @Override
        public String toString() {
            return "Patient[***]"; // PHI (STYLE.md Immutable values)
        }
    }

    /**
     * @param name         {@code Family^Given} or free text.
     * @param id           the author's id at {@code organization}, or empty.
     * @param organization where the author works: the request's institution name, this site's OID.
     */
    public record Author(String name, Optional<String> id, Organization organization) {
    }

    public record Organization(String oid, String name) {
    }

    /** @param issuer the accession number's issuer OID, or empty when the study names none. */
    public record Accession(String number, Optional<String> issuer) {
    }

    /** The study's series that the catalog lists (those with instances). */
    public List<StudyManifest.SeriesReference> catalogSeries() {
        return study.series().stream().filter(s -> !s.instances().isEmpty()).toList();
    }
}
