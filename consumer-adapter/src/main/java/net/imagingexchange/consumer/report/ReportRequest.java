// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A report as the reading site's RIS or reporting tool posts it ({@code POST /consumer/api/reports}, JSON). Every
 * text is taken as written; the CDA writer escapes it.
 *
 * @param patientId        the regional patient ID: a bare ID of the affinity domain or its CX.
 * @param studyInstanceUid the study reported on; it must have an Approved manifest in the region.
 * @param accessionNumber  the order the report fulfils; one of the study's accession numbers.
 * @param author           the radiologist who wrote it (and signs it when final).
 * @param institution      where it was written, for people (the XDS author institution is this site's).
 * @param findings         Findings section, plain text; a blank line starts a new paragraph.
 * @param impression       Impression section, plain text.
 * @param status           {@code final} (legally authenticated) or {@code preliminary}.
 * @param title            ClinicalDocument/title; absent means {@link ClinicalReport#DEFAULT_TITLE}.
 * @param replaces         the uniqueId of the Approved report this one corrects (RPLC); absent for a first report.
 */
public record ReportRequest(String patientId, String studyInstanceUid, String accessionNumber, Author author,
                            String institution, String findings, String impression, String status, String title,
                            String replaces) {

    /** The author: a name ({@code Family^Given} or free text) and, optionally, an identifier at the site. */
    public record Author(String name, String id) {
    }

    /** Report status (spec/xdsi.md 6.2: a final report has a legal authenticator). */
    public enum Status {
        FINAL, PRELIMINARY;

        static Optional<Status> of(String value) {
            return switch (value == null ? "" : value.strip().toLowerCase(Locale.ROOT)) {
                case "final" -> Optional.of(FINAL);
                case "preliminary" -> Optional.of(PRELIMINARY);
                default -> Optional.empty();
            };
        }
    }

    /** The names of required fields that are absent or blank, in the order of this record. */
    public List<String> missingFields() {
        var missing = new ArrayList<String>();
        check(missing, "patientId", patientId);
        check(missing, "studyInstanceUid", studyInstanceUid);
        check(missing, "accessionNumber", accessionNumber);
        check(missing, "author.name", author == null ? null : author.name());
        check(missing, "institution", institution);
        check(missing, "findings", findings);
        check(missing, "impression", impression);
        check(missing, "status", status);
        return missing;
    }

    Optional<String> replacedUniqueId() {
        return replaces == null || replaces.isBlank() ? Optional.empty() : Optional.of(replaces.strip());
    }

    private static void check(List<String> missing, String name, String value) {
        if (value == null || value.isBlank()) {
            missing.add(name);
        }
    }
}
