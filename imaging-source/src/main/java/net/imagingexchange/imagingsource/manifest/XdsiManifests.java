// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.manifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.openehealth.ipf.commons.ihe.xds.core.metadata.Association;
import org.openehealth.ipf.commons.ihe.xds.core.requests.ProvideAndRegisterDocumentSet;

import net.imagingexchange.imagingsource.identity.RegionalPatientId;
import net.imagingexchange.imagingsource.index.StudySnapshot;
import net.imagingexchange.imagingsource.publish.ManifestFactory;
import net.imagingexchange.imagingsource.publish.PublicationRecord;
import net.imagingexchange.xds.submission.OneDocumentSubmission;

/**
 * The XDS-I.b manifests of this source: the KOS ({@link KosManifest}) and its RAD-68 metadata
 * ({@link ManifestMetadata}), with the identifiers the publisher chose, so that a manifest sent again is the same.
 */
public final class XdsiManifests implements ManifestFactory {

    private final KosManifest kos;
    private final ManifestMetadata metadata;

    public XdsiManifests(ManifestSettings kosSettings, MetadataSettings metadataSettings) {
        this.kos = new KosManifest(kosSettings);
        this.metadata = new ManifestMetadata(metadataSettings, UUID::randomUUID);
    }

    @Override
    public void writeKos(StudySnapshot snapshot, PublicationRecord.Manifest manifest, ZonedDateTime now, Path file)
            throws IOException {
        KosManifest.write(kos.build(snapshot, identity(manifest, now)), file);
    }

    @Override
    public ProvideAndRegisterDocumentSet request(StudySnapshot snapshot, RegionalPatientId patient,
                                                 PublicationRecord.Manifest manifest, String submissionSetUid,
                                                 Path kosFile, String replacedEntryUuid, ZonedDateTime now) {
        ZonedDateTime created;
        try {
            // the KOS was written then; a manifest sent again keeps its creation time
            created = ZonedDateTime.ofInstant(Files.getLastModifiedTime(kosFile).toInstant(), now.getZone());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var request = metadata.request(new ManifestSubmission(snapshot, identity(manifest, created), kosFile,
                patient.cx(), submissionSetUid, now, Optional.ofNullable(replacedEntryUuid)));
        var entry = OneDocumentSubmission.documentEntry(request);
        String drawn = entry.getEntryUuid();
        entry.setEntryUuid(manifest.entryUuid()); // the publisher's, recorded as the next replacement's target
        for (Association association : request.getAssociations()) {
            if (drawn.equals(association.getSourceUuid())) {
                association.setSourceUuid(manifest.entryUuid());
            }
            if (drawn.equals(association.getTargetUuid())) {
                association.setTargetUuid(manifest.entryUuid());
            }
        }
        return request;
    }

    /** A factory made by {@code maker} when first used, e.g. once the server's port is known. */
    public static ManifestFactory onFirstUse(Supplier<XdsiManifests> maker) {
        return new ManifestFactory() {
            private volatile XdsiManifests made;

            private XdsiManifests made() {
                XdsiManifests current = made;
                if (current == null) {
                    synchronized (this) {
                        current = made;
                        if (current == null) {
                            current = maker.get();
                            made = current;
                        }
                    }
                }
                return current;
            }

            @Override
            public void writeKos(StudySnapshot snapshot, PublicationRecord.Manifest manifest, ZonedDateTime now,
                                 Path file) throws IOException {
                made().writeKos(snapshot, manifest, now, file);
            }

            @Override
            public ProvideAndRegisterDocumentSet request(StudySnapshot snapshot, RegionalPatientId patient,
                                                         PublicationRecord.Manifest manifest, String submissionSetUid,
                                                         Path kosFile, String replacedEntryUuid, ZonedDateTime now) {
                return made().request(snapshot, patient, manifest, submissionSetUid, kosFile, replacedEntryUuid, now);
            }
        };
    }

    /** The manifest's SOP Instance UID, and a series UID derived from it (the KOS series, PS3.3 C.17.6.1). */
    private static ManifestIdentity identity(PublicationRecord.Manifest manifest, ZonedDateTime created) {
        return new ManifestIdentity(manifest.uid(), manifest.uid() + ".2", created);
    }
}
