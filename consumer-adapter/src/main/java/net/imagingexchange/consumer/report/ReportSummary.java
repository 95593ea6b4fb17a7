// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.report;

import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Name;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Organization;

/**
 * One report of a study as the report API lists it (JSON), from its DocumentEntry.
 *
 * @param creationTime          DocumentEntry.creationTime, UTC, as XDS writes it ({@code YYYYMMDDhhmmss}).
 * @param legallyAuthenticated  whether the entry names a legal authenticator (a final report).
 * @param links                 where to get the CDA ({@code text/xml}) and its HTML rendering.
 */
public record ReportSummary(String uniqueId, String title, String author, String institution, String creationTime,
                            boolean legallyAuthenticated, Links links) {

    public record Links(String cda, String html) {
    }

    static ReportSummary of(DocumentEntry entry, Links links) {
        var authors = entry.getAuthors();
        String person = authors.stream().filter(a -> a.getAuthorPerson() != null
                        && a.getAuthorPerson().getName() != null)
                .map(a -> name(a.getAuthorPerson().getName())).findFirst().orElse("");
        String institution = authors.stream().flatMap(a -> a.getAuthorInstitution().stream())
                .map(Organization::getOrganizationName).findFirst().orElse("");
        return new ReportSummary(entry.getUniqueId(), entry.getTitle() == null ? "" : entry.getTitle().getValue(),
                person, institution, entry.getCreationTime() == null ? "" : entry.getCreationTime().toHL7(),
                entry.getLegalAuthenticator() != null, links);
    }

    private static String name(Name<?> name) {
        return Stream.of(name.getPrefix(), name.getGivenName(), name.getFamilyName())
                .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" "));
    }
}
