// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.rad69;

/**
 * One DocumentRequest of a RAD-69 request with the study and series it is named under (RAD TF-2 4.69.4.1.2).
 * Values are as sent, trimmed; an absent one is empty.
 *
 * @param studyInstanceUid   StudyRequest/@studyInstanceUID.
 * @param seriesInstanceUid  SeriesRequest/@seriesInstanceUID.
 * @param repositoryUniqueId the Retrieve Location UID the consumer read in the manifest.
 * @param documentUniqueId   the SOP Instance UID.
 * @param homeCommunityId    present when a gateway asks (XCA-I); echoed in the answer, empty otherwise.
 */
public record RequestedInstance(String studyInstanceUid, String seriesInstanceUid, String repositoryUniqueId,
                                String documentUniqueId, String homeCommunityId) {

    public RequestedInstance {
        studyInstanceUid = clean(studyInstanceUid);
        seriesInstanceUid = clean(seriesInstanceUid);
        repositoryUniqueId = clean(repositoryUniqueId);
        documentUniqueId = clean(documentUniqueId);
        homeCommunityId = clean(homeCommunityId);
    }

    private static String clean(String value) {
        return value == null ? "" : value.strip();
    }
}
