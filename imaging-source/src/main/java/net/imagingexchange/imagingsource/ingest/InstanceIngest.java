// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.data.Attributes;
import net.imagingexchange.dicom.io.DicomParseException;
import net.imagingexchange.dicom.io.DicomReader;
import net.imagingexchange.dicom.net.StoreHandler;
import net.imagingexchange.dicom.net.StoreRequest;
import net.imagingexchange.dicom.net.StoreStatusException;
import net.imagingexchange.imagingsource.index.IndexConflictException;
import net.imagingexchange.imagingsource.index.IndexOutcome;
import net.imagingexchange.imagingsource.index.StudyIndex;
import net.imagingexchange.imagingsource.storage.InstanceStore;

/**
 * Takes in one instance, from a C-STORE (as the SCP's {@link StoreHandler}) or a STOW-RS part: writes it durably,
 * reads its header, checks it against its request and the index, keeps its file in its study and indexes it.
 * Success is returned only after all of that (DESIGN.md 6); a refusal says why and leaves nothing behind.
 */
public final class InstanceIngest implements StoreHandler {

    /** Error: cannot understand, for an instance that contradicts its study (PS3.4 B.2.3, Cxxx). */
    public static final int CONFLICT = 0xC000;

    private static final Logger LOG = LoggerFactory.getLogger(InstanceIngest.class);

    private final InstanceStore store;
    private final StudyIndex index;

    /** A stored instance: what it is, and whether it changed its study. */
    public record Ingested(IndexOutcome outcome, String sopClassUid, String sopInstanceUid, String studyInstanceUid,
                           String seriesInstanceUid) {
    }

    public InstanceIngest(InstanceStore store, StudyIndex index) {
        this.store = store;
        this.index = index;
    }

    @Override
    public int store(StoreRequest request, InputStream dataset) throws IOException, StoreStatusException {
        ingest(request.sopClassUid(), request.sopInstanceUid(), request.transferSyntaxUid(), dataset);
        return SUCCESS;
    }

    /** Takes in a Part 10 file (a STOW-RS part), keeping its data set as sent. */
    public Ingested ingestFile(InputStream part10) throws IOException, StoreStatusException {
        var in = new BufferedInputStream(part10, 64 * 1024);
        Attributes meta;
        try {
            meta = DicomReader.readFileMeta(in);
        } catch (DicomParseException e) {
            throw new StoreStatusException(CANNOT_UNDERSTAND, "not a DICOM Part 10 file: " + e.getMessage());
        }
        return ingest(meta.getString(Tag.MEDIA_STORAGE_SOP_CLASS_UID),
                meta.getString(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID), meta.getString(Tag.TRANSFER_SYNTAX_UID), in);
    }

    /**
     * Takes in one data set.
     *
     * @param sopClassUid    as the request says (C-STORE command, or the part's File Meta Information).
     * @param sopInstanceUid as the request says.
     * @param dataset        the data set's bytes in {@code transferSyntaxUid}, read to its end.
     */
    public Ingested ingest(String sopClassUid, String sopInstanceUid, String transferSyntaxUid, InputStream dataset)
            throws IOException, StoreStatusException {
        if (!InstanceStore.isUid(sopClassUid) || !InstanceStore.isUid(sopInstanceUid)
                || !InstanceStore.isUid(transferSyntaxUid)) {
            throw new StoreStatusException(CANNOT_UNDERSTAND, "SOP Class, SOP Instance or Transfer Syntax UID"
                    + " missing or not a UID");
        }
        InstanceStore.Received received = store.receive(sopClassUid, sopInstanceUid, transferSyntaxUid, dataset);
        try {
            InstanceHeader header = header(received);
            if (!sopClassUid.equals(header.sopClassUid())) {
                throw new StoreStatusException(DATA_SET_DOES_NOT_MATCH_SOP_CLASS, "SOP Class UID of the data set "
                        + header.sopClassUid() + " is not the request's " + sopClassUid);
            }
            if (!sopInstanceUid.equals(header.sopInstanceUid())) {
                throw new StoreStatusException(DATA_SET_DOES_NOT_MATCH_SOP_CLASS, "SOP Instance UID of the data set "
                        + header.sopInstanceUid() + " is not the request's " + sopInstanceUid);
            }
            String study = header.study().studyInstanceUid();
            String series = header.series().seriesInstanceUid();
            if (!InstanceStore.isUid(study) || !InstanceStore.isUid(series)) {
                throw new StoreStatusException(DATA_SET_DOES_NOT_MATCH_SOP_CLASS, "Study or Series Instance UID"
                        + " missing or not a UID");
            }
            String fileName = InstanceStore.fileName(study, sopInstanceUid);
            IndexOutcome outcome = index.index(header.study(), header.series(),
                    header.instance(transferSyntaxUid, fileName, received.size(), received.datasetSha1()),
                    () -> store.keep(received, study, sopInstanceUid));
            LOG.debug("{} instance {} of study {}", outcome, sopInstanceUid, study);
            return new Ingested(outcome, sopClassUid, sopInstanceUid, study, series);
        } catch (IndexConflictException e) {
            throw new StoreStatusException(CONFLICT, e.getMessage());
        } finally {
            store.discard(received); // nothing left when it was kept
        }
    }

    private static InstanceHeader header(InstanceStore.Received received) throws IOException, StoreStatusException {
        try {
            return InstanceHeader.of(DicomReader.read(received.file(), DicomReader.Options.DEFAULT.headerOnly())
                    .dataset());
        } catch (DicomParseException e) {
            throw new StoreStatusException(CANNOT_UNDERSTAND, "data set cannot be parsed: " + e.getMessage());
        }
    }
}
