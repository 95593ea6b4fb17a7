// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.send;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.imagingexchange.consumer.manifest.StudyManifest;
import net.imagingexchange.consumer.region.RegionStudy;
import net.imagingexchange.consumer.retrieve.MissingInstance;
import net.imagingexchange.consumer.retrieve.RetrievedInstance;
import net.imagingexchange.consumer.retrieve.StudyRetrieval;
import net.imagingexchange.consumer.retrieve.TransferSyntaxes;
import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.Uids;
import net.imagingexchange.dicom.data.Attributes;
import net.imagingexchange.dicom.io.DicomReader;

/**
 * Retrieves a job's instances from the region into its directory, one file per instance named by its SOP Instance
 * UID, each streamed to disk as it arrives (never a whole study in memory). Instances are asked "as stored"
 * (PS3.18 8.7.3.5.2 {@code transfer-syntax=*}) so that the destination gets the data sets the acquiring site sent.
 */
public final class SendSpool {

    static final String SUFFIX = ".dcm";

    /** WADO-RS Accept: the instances in the transfer syntax the source holds them in (PS3.18 8.7.3.5.2). */
    static final String AS_STORED_ACCEPT = "multipart/related; type=\"application/dicom\"; transfer-syntax=*";

    private static final Logger LOG = LoggerFactory.getLogger(SendSpool.class);

    private final StudyRetrieval retrieval;

    public SendSpool(StudyRetrieval retrieval) {
        this.retrieval = retrieval;
    }

    /** What is waiting in a job's directory: the instances, and files that turned out unreadable (deleted). */
    public record Pending(List<SpooledInstance> instances, List<InstanceFailure> unreadable) {
    }

    /**
     * Retrieves the {@code wanted} instances of {@code study} into {@code directory}, leaving out those already
     * there.
     *
     * @return the wanted instances that could not be had, with the region's reason.
     */
    public List<InstanceFailure> retrieve(RegionStudy study, Set<String> wanted, Path directory) throws IOException {
        List<StudyManifest.SeriesReference> series = study.manifest().series().stream()
                .filter(s -> s.instances().stream().anyMatch(i -> wanted.contains(i.sopInstanceUid()))).toList();
        Map<String, String> missing = new HashMap<>();
        if (!series.isEmpty()) {
            // a retry wants a few instances: they are named, not their whole series fetched again
            boolean whole = series.stream().allMatch(s -> s.instances().stream()
                    .allMatch(i -> wanted.contains(i.sopInstanceUid())));
            var scope = new StudyRetrieval.Scope(study, series, whole ? Set.of() : wanted, AS_STORED_ACCEPT,
                    TransferSyntaxes.AS_STORED);
            try (var opened = retrieval.open(scope, retrieval.wholeResource(scope))) {
                for (MissingInstance m : opened.stream(instance -> keep(instance, wanted, directory),
                        StudyRetrieval.BrokenInstance.ASK_RAD69)) {
                    missing.put(m.sopInstanceUid(), m.reason());
                }
            }
        }
        List<InstanceFailure> failures = new ArrayList<>();
        for (var s : series) {
            for (var instance : s.instances()) {
                String uid = instance.sopInstanceUid();
                if (wanted.contains(uid) && !Files.exists(file(directory, uid))) {
                    failures.add(new InstanceFailure(s.seriesInstanceUid(), uid, InstanceFailure.Stage.RETRIEVE, "",
                            missing.getOrDefault(uid, "the imaging source did not return it")));
                }
            }
        }
        return failures;
    }

    private static void keep(RetrievedInstance instance, Set<String> wanted, Path directory) throws IOException {
        String uid = instance.sopInstanceUid();
        if (uid == null || !wanted.contains(uid) || !Uids.isUid(uid)) {
            LOG.debug("instance {} not wanted by this job, skipped", uid);
            return;
        }
        Path target = file(directory, uid);
        if (Files.exists(target)) {
            return;
        }
        Path temporary = Files.createTempFile(directory, "retrieving-", ".tmp");
        try {
            try (InputStream in = instance.body()) {
                Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The instances waiting in a job's {@code files}, read from their File Meta Information. */
    public Pending pending(List<Path> files, StudyManifest manifest) throws IOException {
        List<SpooledInstance> instances = new ArrayList<>();
        List<InstanceFailure> unreadable = new ArrayList<>();
        Map<String, StudyManifest.SeriesReference> seriesByInstance = manifest.seriesByInstance();
        for (Path file : files) {
            String name = file.getFileName().toString();
            String uid = name.substring(0, name.length() - SUFFIX.length());
            var reference = seriesByInstance.get(uid);
            String series = reference == null ? "" : reference.seriesInstanceUid();
            Attributes meta;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 8192)) {
                meta = DicomReader.readFileMeta(in);
            } catch (IOException e) {
                // retrieved again at the next attempt
                Files.delete(file);
                unreadable.add(new InstanceFailure(series, uid, InstanceFailure.Stage.RETRIEVE, "",
                        "what the imaging source returned is not a readable Part 10 file: " + e.getMessage()));
                continue;
            }
            instances.add(new SpooledInstance(file, series, uid, meta.getString(Tag.MEDIA_STORAGE_SOP_CLASS_UID),
                    meta.getString(Tag.TRANSFER_SYNTAX_UID)));
        }
        return new Pending(instances, unreadable);
    }

    static Path file(Path directory, String sopInstanceUid) {
        return directory.resolve(sopInstanceUid + SUFFIX);
    }
}
