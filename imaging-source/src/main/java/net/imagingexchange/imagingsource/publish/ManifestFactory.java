// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.publish;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;

import org.openehealth.ipf.commons.ihe.xds.core.requests.ProvideAndRegisterDocumentSet;

import net.imagingexchange.imagingsource.identity.RegionalPatientId;
import net.imagingexchange.imagingsource.index.StudySnapshot;

/** Makes a study's manifest (the KOS file) and the RAD-68 request that publishes it. */
public interface ManifestFactory {

    /** Writes the KOS listing the snapshot's instances to {@code file}, complete or not at all. */
    void writeKos(StudySnapshot snapshot, PublicationRecord.Manifest manifest, ZonedDateTime now, Path file)
            throws IOException;

    /**
     * The RAD-68 request for a KOS written by {@link #writeKos}.
     *
     * @param submissionSetUid the SubmissionSet's uniqueId: the same when the same manifest is sent again.
     * @param replacedEntryUuid the entryUUID of the manifest it replaces (RPLC), or null for the first.
     */
    ProvideAndRegisterDocumentSet request(StudySnapshot snapshot, RegionalPatientId patient,
                                          PublicationRecord.Manifest manifest, String submissionSetUid, Path kosFile,
                                          String replacedEntryUuid, ZonedDateTime now);
}
