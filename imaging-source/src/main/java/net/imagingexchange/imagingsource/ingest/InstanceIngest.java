// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.Uids;
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
    private final TransferAudit audit;

    /** A stored instance: what it is, and whether it changed its study. */
    public record Ingested(IndexOutcome outcome, String sopClassUid, String sopInstanceUid, String studyInstanceUid,
                           String seriesInstanceUid) {
    }

    public InstanceIngest(InstanceStore store, StudyIndex index, TransferAudit audit) {
        this.store = store;
        this.index = index;
        this.audit = audit;
    }

    @Override
    public int store(StoreRequest request, InputStream dataset) throws IOException, StoreStatusException {
        ingest(request.sopClassUid(), request.sopInstanceUid(), request.transferSyntaxUid(), dataset);
        return SUCCESS;
    }

    @Override
    public void associationEnded(String callingAeTitle, InetAddress peer) {
        transferEnded(callingAeTitle, peer.getHostAddress());
    }

    /**
     * Ends a transfer (an association, a STOW-RS request) on the thread that ingested it: its audit records go out.
     *
     * @param source     who sent: an AE title, or the user or client of a request.
     * @param sourceHost its address.
     */
    public void transferEnded(String source, String sourceHost) {
        audit.transferEnded(source, sourceHost);
    }

    /**
     * The File Meta Information of a Part 10 stream (PS3.10 7.1), the stream left at its data set; a stream that is
     * not Part 10 is refused with 0xC000 and {@code what} in the Error Comment.
     */
    public static Attributes fileMeta(BufferedInputStream part10, String what) throws IOException,
            StoreStatusException {
        try {
            return DicomReader.readFileMeta(part10);
        } catch (DicomParseException e) {
            throw new StoreStatusException(CANNOT_UNDERSTAND, what + " is not a DICOM Part 10 file: "
                    + e.getMessage());
        }
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
        return ingest(sopClassUid, sopInstanceUid, transferSyntaxUid, dataset, null);
    }

    /**
     * As {@link #ingest(String, String, String, InputStream)}, refusing the instance (A900) unless it belongs to
     * {@code requiredStudyUid} when that is not null: a STOW-RS request to a study's URL (PS3.18 10.5.1).
     */
    public Ingested ingest(String sopClassUid, String sopInstanceUid, String transferSyntaxUid, InputStream dataset,
                           String requiredStudyUid) throws IOException, StoreStatusException {
        if (!Uids.isUid(sopClassUid) || !Uids.isUid(sopInstanceUid)
                || !Uids.isUid(transferSyntaxUid)) {
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
            if (!Uids.isUid(study) || !Uids.isUid(series)) {
                throw new StoreStatusException(DATA_SET_DOES_NOT_MATCH_SOP_CLASS, "Study or Series Instance UID"
                        + " missing or not a UID");
            }
            if (requiredStudyUid != null && !requiredStudyUid.equals(study)) {
                throw new StoreStatusException(DATA_SET_DOES_NOT_MATCH_SOP_CLASS, "Study Instance UID " + study
                        + " is not the study " + requiredStudyUid + " of the request URL");
            }
            String fileName = InstanceStore.fileName(study, sopInstanceUid);
            IndexOutcome outcome = index.index(header.study(), header.series(),
                    header.instance(transferSyntaxUid, fileName, received.size(), received.datasetSha1()),
                    () -> store.keep(received, study, sopInstanceUid));
            LOG.debug("{} instance {} of study {}", outcome, sopInstanceUid, study);
            audit.stored(header.study(), sopClassUid);
            return new Ingested(outcome, sopClassUid, sopInstanceUid, study, series);
        } catch (IndexConflictException e) {
            throw new StoreStatusException(CONFLICT, e.getMessage());
        } finally {
            store.discard(received); // nothing left when it was kept
        }
    }

    /**
     * Indexes the kept files the index does not know: those a crash left between keeping a file and committing its
     * row (an embedded H2 may also lose its last second of commits). Run at start-up, before the SCP listens.
     *
     * @return how many files were indexed.
     */
    public int recover() throws IOException {
        Set<String> indexed = index.fileNames();
        int recovered = 0;
        for (String fileName : store.fileNames()) {
            if (!indexed.contains(fileName)) {
                try {
                    reindex(fileName);
                    recovered++;
                } catch (IndexConflictException | DicomParseException e) {
                    LOG.error("kept file {} cannot be indexed, left as it is: {}", fileName, e.getMessage());
                }
            }
        }
        if (recovered > 0) {
            LOG.warn("indexed {} instance file(s) that were stored but not indexed when the process stopped",
                    recovered);
        }
        return recovered;
    }

    private void reindex(String fileName) throws IOException, IndexConflictException {
        Path file = store.file(fileName);
        var header = InstanceHeader.of(DicomReader.read(file, DicomReader.Options.DEFAULT.headerOnly()).dataset());
        String transferSyntax;
        MessageDigest sha1 = InstanceStore.sha1();
        try (var in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            transferSyntax = DicomReader.readFileMeta(in).getString(Tag.TRANSFER_SYNTAX_UID);
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) != -1) {
                sha1.update(buffer, 0, n);
            }
        }
        index.index(header.study(), header.series(), header.instance(transferSyntax, fileName, Files.size(file),
                HexFormat.of().formatHex(sha1.digest())), () -> { });
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
