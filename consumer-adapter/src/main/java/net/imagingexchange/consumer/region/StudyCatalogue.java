// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.region;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.openehealth.ipf.commons.ihe.xds.core.metadata.Code;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.imagingexchange.consumer.manifest.ManifestReader;
import net.imagingexchange.consumer.manifest.StudyManifest;
import net.imagingexchange.dicom.Uids;
import net.imagingexchange.xds.soap.PeerUnavailableException;
import net.imagingexchange.xds.soap.StoredQueryClient;

/**
 * The region's studies as found through the registry (ITI-18) and their manifests (ITI-43), spec/xdsi.md 3.5.
 * Manifests are kept on disk by uniqueId; a replaced manifest has a new uniqueId, so a cached one is never stale, only
 * superseded. A study once found is remembered with its patient (a file per study), because ITI-18 cannot find a study
 * without its patient ID (ITI TF-2 3.18.4.1.2.3.7.14) while a DICOMweb client names only the Study Instance UID. Once
 * {@code checkInterval} has passed, the registry is asked again whether the manifest was replaced, in the
 * background: the request that notices is answered from what is known, the next ones from the registry's answer.
 */
public final class StudyCatalogue implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StudyCatalogue.class);
    private static final String DCM_SCHEME = "1.2.840.10008.2.16.4";
    private static final int PARSED_MANIFESTS = 256;
    private static final int RECENT = 4096;

    private final RegistryQueries registry;
    private final DocumentRetrieval repositories;
    private final Path manifests;
    private final Path studies;
    private final Duration checkInterval;
    private final Clock clock;
    /** The studies found lately, each with when the registry was last asked (at most {@value #RECENT} kept). */
    private final Map<String, Checked> recent = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Checked> eldest) {
                    return size() > RECENT;
                }
            });
    private final Set<String> refreshing = ConcurrentHashMap.newKeySet();
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(task -> {
        var thread = new Thread(task, "consumer-manifest-check");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, StudyManifest> parsed = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, StudyManifest> eldest) {
                    return size() > PARSED_MANIFESTS;
                }
            });

    private record Checked(RegionStudy study, Instant at) {
    }

    public StudyCatalogue(RegistryQueries registry, DocumentRetrieval repositories, Path manifests, Path studies,
                          Duration checkInterval, Clock clock) throws IOException {
        this.registry = registry;
        this.repositories = repositories;
        this.manifests = Files.createDirectories(manifests);
        this.studies = Files.createDirectories(studies);
        this.checkInterval = checkInterval;
        this.clock = clock;
    }

    /**
     * The patient's studies that have a manifest: FindDocuments, or FindDocumentsByReferenceId when
     * {@code referenceIds} is not empty.
     */
    public List<RegionStudy> find(String patientCx, List<String> referenceIds) throws RegionException {
        List<DocumentEntry> entries;
        try {
            entries = referenceIds.isEmpty()
                    ? registry.findDocuments(patientCx, List.of(RegistryQueries.KOS_FORMAT))
                    : registry.findByReferenceIds(patientCx, List.of(RegistryQueries.KOS_FORMAT), referenceIds);
        } catch (PeerUnavailableException e) {
            throw new RegionException("the registry did not answer: " + e.getMessage(), e);
        } catch (StoredQueryClient.StoredQueryException e) {
            throw new RegionException("the registry refused the query: " + e.getMessage(), e);
        }
        Map<String, List<Loaded>> byStudy = new LinkedHashMap<>();
        for (DocumentEntry entry : newestFirst(entries)) {
            Loaded loaded = load(entry);
            if (loaded != null) {
                byStudy.computeIfAbsent(loaded.manifest().study().studyInstanceUid(), k -> new ArrayList<>())
                        .add(loaded);
            }
        }
        List<RegionStudy> found = new ArrayList<>();
        for (var study : byStudy.entrySet()) {
            RegionStudy merged = merge(patientCx, study.getValue());
            remember(merged);
            found.add(merged);
        }
        return found;
    }

    /**
     * The study's current manifests, if the study was found before (by this adapter, even before a restart) and
     * still has an Approved manifest.
     */
    public Optional<RegionStudy> study(String studyInstanceUid) throws RegionException {
        Checked checked = recent.get(studyInstanceUid);
        if (checked != null) {
            if (!checked.at().plus(checkInterval).isAfter(clock.instant())) {
                checkLater(studyInstanceUid, checked.study().patientCx());
            }
            return Optional.of(checked.study());
        }
        Optional<String> patient = rememberedPatient(studyInstanceUid);
        return patient.isEmpty() ? Optional.empty() : current(studyInstanceUid, patient.get());
    }

    /** The registry's current answer for the study. */
    private Optional<RegionStudy> current(String studyInstanceUid, String patientCx) throws RegionException {
        Optional<RegionStudy> found = find(patientCx, List.of(RegistryQueries.studyReference(studyInstanceUid)))
                .stream().filter(s -> s.studyInstanceUid().equals(studyInstanceUid)).findFirst();
        if (found.isEmpty()) {
            // no Approved manifest any more: forgotten, so that it is not asked again at every request
            recent.remove(studyInstanceUid);
            try {
                Files.deleteIfExists(studies.resolve(studyInstanceUid + ".properties"));
            } catch (IOException e) {
                LOG.warn("study {} has no Approved manifest left, but could not be forgotten: {}", studyInstanceUid,
                        e.toString());
            }
        }
        return found;
    }

    /** Asks the registry again in the background, once at a time per study; a failure keeps what is known. */
    private void checkLater(String studyInstanceUid, String patientCx) {
        if (!refreshing.add(studyInstanceUid)) {
            return;
        }
        refresher.execute(() -> {
            try {
                current(studyInstanceUid, patientCx);
            } catch (RegionException | RuntimeException e) {
                LOG.warn("whether the manifest of a study was replaced could not be checked: {}", e.getMessage());
            } finally {
                refreshing.remove(studyInstanceUid);
            }
        });
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }

    private record Loaded(DocumentEntry entry, StudyManifest manifest) {
    }

    /** The entry's manifest, fetched once; null when it cannot be had (logged: the other studies are still served). */
    private Loaded load(DocumentEntry entry) throws RegionException {
        String uid = entry.getUniqueId();
        StudyManifest manifest = parsed.get(uid);
        if (manifest == null) {
            if (!Uids.isUid(uid)) {
                LOG.warn("manifest entry {} has uniqueId {}, not a UID: skipped", entry.getEntryUuid(), uid);
                return null;
            }
            Path file = manifests.resolve(uid + ".dcm");
            try {
                if (!Files.exists(file)) {
                    repositories.retrieve(entry.getRepositoryUniqueId(), uid, file);
                }
                manifest = ManifestReader.read(file);
            } catch (PeerUnavailableException e) {
                throw new RegionException("the repository " + entry.getRepositoryUniqueId() + " did not answer: "
                        + e.getMessage(), e);
            } catch (DocumentRetrieval.DocumentNotRetrievedException | ManifestReader.InvalidManifestException e) {
                LOG.warn("manifest {} of entry {} skipped: {}", uid, entry.getEntryUuid(), e.getMessage());
                return null;
            } catch (IOException e) {
                throw new RegionException("manifest " + uid + " could not be kept: " + e.getMessage(), e);
            }
            parsed.put(uid, manifest);
        }
        return new Loaded(entry, manifest);
    }

    private static List<DocumentEntry> newestFirst(List<DocumentEntry> entries) {
        List<DocumentEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing((DocumentEntry e) -> e.getCreationTime() == null ? ""
                : e.getCreationTime().toHL7()).reversed());
        return sorted;
    }

    private static RegionStudy merge(String patientCx, List<Loaded> loaded) {
        StudyManifest first = loaded.get(0).manifest();
        Map<String, StudyManifest.SeriesReference> series = new LinkedHashMap<>();
        var modalities = new LinkedHashSet<String>();
        List<DocumentEntry> entries = new ArrayList<>();
        for (Loaded one : loaded) {
            one.manifest().series().forEach(s -> series.putIfAbsent(s.seriesInstanceUid(), s));
            for (Code code : one.entry().getEventCodeList()) {
                if (DCM_SCHEME.equals(code.getSchemeName())) {
                    modalities.add(code.getCode());
                }
            }
            entries.add(one.entry());
        }
        var manifest = new StudyManifest(first.manifestUid(), first.patient(), first.study(),
                List.copyOf(series.values()));
        return new RegionStudy(patientCx, entries, manifest, List.copyOf(modalities));
    }

    private void remember(RegionStudy study) throws RegionException {
        Checked before = recent.put(study.studyInstanceUid(), new Checked(study, clock.instant()));
        Path file = studies.resolve(study.studyInstanceUid() + ".properties");
        if (before != null && before.study().patientCx().equals(study.patientCx())
                || rememberedPatient(study.studyInstanceUid()).filter(study.patientCx()::equals).isPresent()) {
            return; // already on file
        }
        var properties = new Properties();
        properties.setProperty("patient", study.patientCx());
        try {
            Path temporary = Files.createTempFile(studies, "study-", ".tmp");
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(out, "the regional patient of study " + study.studyInstanceUid());
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new RegionException("study " + study.studyInstanceUid() + " could not be remembered: "
                    + e.getMessage(), e);
        }
    }

    private Optional<String> rememberedPatient(String studyInstanceUid) {
        if (!Uids.isUid(studyInstanceUid)) {
            return Optional.empty();
        }
        Path file = studies.resolve(studyInstanceUid + ".properties");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        var properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            LOG.warn("{} unreadable: {}", file, e.getMessage());
            return Optional.empty();
        }
        return Optional.ofNullable(properties.getProperty("patient"));
    }

    /** The region could not answer (registry or repository unreachable, or refusing). */
    public static final class RegionException extends Exception {
        public RegionException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
