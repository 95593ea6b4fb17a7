// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.retrieve;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.imagingexchange.consumer.manifest.StudyManifest;
import net.imagingexchange.consumer.region.ImagingSources;
import net.imagingexchange.consumer.region.RegionStudy;
import net.imagingexchange.dicom.web.MultipartException;
import net.imagingexchange.dicom.web.MultipartReader;
import net.imagingexchange.xds.soap.PeerUnavailableException;

/**
 * Gets the instances of a study, series or instance from the imaging sources its manifest names (spec/xdsi.md 3.5,
 * 4.2): WADO-RS at each series' Retrieve URL first, RAD-69 at its Retrieve Location UID for what WADO-RS did not
 * give. Instances stream from the source to the caller one at a time; only RAD-69 answers are spooled to disk, so
 * that what cannot be had is known before the caller commits to an answer.
 */
public final class StudyRetrieval {

    private static final Logger LOG = LoggerFactory.getLogger(StudyRetrieval.class);
    /** What a relay reads and writes at once: a socket's worth, so that each write goes straight to Tomcat's. */
    private static final int RELAY_BUFFER = 64 * 1024;

    private final WadoRsClient wado;
    private final Rad69Retrieval rad69;
    private final ImagingSources sources;
    private final Path spool;

    public StudyRetrieval(WadoRsClient wado, Rad69Retrieval rad69, ImagingSources sources, Path spool)
            throws IOException {
        this.wado = wado;
        this.rad69 = rad69;
        this.sources = sources;
        this.spool = Files.createDirectories(spool);
    }

    /**
     * What to get.
     *
     * @param series         the manifest's series in scope.
     * @param instances      the SOP Instance UIDs wanted of those series; empty for whole series.
     * @param accept         the Accept header sent to WADO-RS (its transfer-syntax parameter is the caller's).
     * @param rad69Syntaxes  the transfer syntaxes the caller takes from RAD-69, in preference order.
     */
    public record Scope(RegionStudy study, List<StudyManifest.SeriesReference> series, Set<String> instances,
                        String accept, List<String> rad69Syntaxes) {

        public Scope {
            instances = Set.copyOf(instances);
        }

        /** The one instance wanted, when the scope is one: WADO-RS then has its own resource for it. */
        Optional<String> oneInstance() {
            return instances.size() == 1 ? Optional.of(instances.iterator().next()) : Optional.empty();
        }
    }

    /** Receives instances, one at a time; a body must be read before the next is offered. */
    public interface Visitor {
        void instance(RetrievedInstance instance) throws IOException;
    }

    /** What a source breaking off in the middle of an instance the visitor was reading means. */
    public enum BrokenInstance {
        /** The visitor cannot take back what it has passed on (an answer on the wire): the retrieval ends. */
        ABORT,
        /** The visitor has dropped the instance (a file not kept): RAD-69 is asked for it, with the rest. */
        ASK_RAD69
    }

    /**
     * Asks every source of the scope: opens the WADO-RS answers (headers only) and gets by RAD-69 what they refused.
     * Nothing is given to the caller yet.
     *
     * @param whole the {@link #wholeResource} to ask first; empty to ask series by series (there is none, or it was
     *              asked and refused).
     */
    public Retrieval open(Scope scope, Optional<String> whole) throws IOException {
        var retrieval = new Retrieval(scope);
        try {
            String unreachable = null;
            try {
                retrieval.whole = whole.isPresent() ? wholeAnswer(whole.get(), scope.accept()) : null;
            } catch (IOException e) {
                unreachable = e.getMessage(); // the one service of the scope: asking it series by series is vain
            }
            if (retrieval.whole != null) {
                return retrieval;
            }
            for (var series : scope.series()) {
                retrieval.steps.add(unreachable == null ? openSeries(scope, series, retrieval)
                        : rad69Step(scope, series, unreachable, retrieval));
            }
        } catch (IOException | RuntimeException e) {
            retrieval.close();
            throw e;
        }
        return retrieval;
    }

    /**
     * The one WADO-RS resource that answers the whole scope: every series of it at one followable WADO-RS service,
     * asked once for the study (all the manifest's series), the series or the instance. Empty when the scope spans
     * services or is a few instances of a series.
     */
    public Optional<String> wholeResource(Scope scope) {
        List<String> bases = scope.series().stream().map(s -> sources.mayFollow(s.retrieveLocationUid(),
                s.retrieveUrl()) ? s.wadoRsBase() : "").distinct().toList(); // an empty URL is on no allow-list
        if (bases.size() != 1 || bases.get(0).isEmpty() || scope.instances().size() > 1) {
            return Optional.empty();
        }
        String study = bases.get(0) + "/studies/" + scope.study().studyInstanceUid();
        if (scope.oneInstance().isPresent()) {
            return Optional.of(scope.series().get(0).wadoRsUrl(scope.study().studyInstanceUid(),
                    scope.oneInstance().get()));
        } else if (scope.series().size() == 1) {
            return Optional.of(study + "/series/" + scope.series().get(0).seriesInstanceUid());
        } else if (scope.series().size() == scope.study().manifest().series().size()) {
            return Optional.of(study);
        }
        return Optional.empty();
    }

    /**
     * The {@link #wholeResource} asked. Null when it was answered otherwise than with a multipart 200 / 206 (each
     * series is then asked on its own).
     *
     * @throws IOException the service did not answer at all; the message says why.
     */
    private WadoRsClient.Answer wholeAnswer(String resource, String accept) throws IOException {
        try {
            WadoRsClient.Answer answer = wado.get(resource, accept);
            boolean multipart = answer.contentType().map(t -> t.toLowerCase(java.util.Locale.ROOT)
                    .startsWith("multipart/related")).orElse(false);
            if ((answer.status() == 200 || answer.status() == 206) && multipart) {
                return answer;
            }
            answer.close();
            LOG.info("WADO-RS {} answered {} {}: each series asked on its own", resource, answer.status(),
                    answer.contentType().orElse(""));
        } catch (IOException e) {
            throw new IOException("WADO-RS " + resource + " did not answer: " + e.getMessage(), e);
        }
        return null;
    }

    private Step openSeries(Scope scope, StudyManifest.SeriesReference series, Retrieval retrieval)
            throws IOException {
        List<StudyManifest.InstanceReference> wanted = wanted(scope, series);
        String url = series.retrieveUrl();
        String reason;
        if (wanted.size() > 1 && wanted.size() < series.instances().size()
                && sources.rad69Url(series.retrieveLocationUid()).isPresent()) {
            // WADO-RS would send the whole series for a few of its instances (a retry): RAD-69 names them
            reason = wanted.size() + " of the series' " + series.instances().size() + " instances are asked by"
                    + " RAD-69, which names them, rather than the whole series by WADO-RS";
        } else if (url.isBlank()) {
            reason = "the manifest gives no WADO-RS Retrieve URL";
        } else if (!sources.mayFollow(series.retrieveLocationUid(), url)) {
            reason = "the WADO-RS Retrieve URL " + url + " is not on the allow-list of source "
                    + series.retrieveLocationUid();
        } else {
            String resource = series.wadoRsUrl(scope.study().studyInstanceUid(), scope.oneInstance().orElse(null));
            try {
                WadoRsClient.Answer answer = wado.get(resource, scope.accept());
                if (answer.status() == 200 || answer.status() == 206) {
                    return new Step(series, wanted, answer, null);
                }
                answer.close();
                reason = "WADO-RS " + resource + " answered " + answer.status();
            } catch (IOException e) {
                reason = "WADO-RS " + resource + " did not answer: " + e.getMessage();
            }
        }
        return rad69Step(scope, series, reason, retrieval);
    }

    /** The series' instances got by RAD-69 and spooled, since WADO-RS cannot give them ({@code reason}). */
    private Step rad69Step(Scope scope, StudyManifest.SeriesReference series, String reason, Retrieval retrieval)
            throws IOException {
        List<StudyManifest.InstanceReference> wanted = wanted(scope, series);
        LOG.info("WADO-RS not usable for a series, RAD-69 instead: {}", reason);
        Path spooled = Files.createTempDirectory(spool, "rad69-");
        retrieval.spools.add(spooled);
        retrieval.missing.addAll(rad69(scope, series, wanted, reason, spooled));
        return new Step(series, wanted, null, spooled);
    }

    /** RAD-69 for {@code wanted}, each returned instance written to {@code directory}; returns what was not had. */
    private List<MissingInstance> rad69(Scope scope, StudyManifest.SeriesReference series,
                                        List<StudyManifest.InstanceReference> wanted, String why, Path directory)
            throws IOException {
        Optional<String> endpoint = sources.rad69Url(series.retrieveLocationUid());
        if (endpoint.isEmpty()) {
            return missing(series, wanted, why + "; no RAD-69 endpoint is configured for Retrieve Location UID "
                    + series.retrieveLocationUid());
        }
        try {
            int[] count = {0};
            return rad69.retrieve(endpoint.get(), scope.study().studyInstanceUid(), series, wanted,
                    scope.rad69Syntaxes(), in -> Files.copy(in, directory.resolve(String.format("%06d.dcm",
                            count[0]++))));
        } catch (PeerUnavailableException e) {
            return missing(series, wanted, why + "; RAD-69: " + e.getMessage());
        }
    }

    private static List<MissingInstance> missing(StudyManifest.SeriesReference series,
                                                 List<StudyManifest.InstanceReference> instances, String reason) {
        return instances.stream().map(i -> new MissingInstance(series.seriesInstanceUid(), i.sopInstanceUid(),
                reason)).toList();
    }

    private static List<StudyManifest.InstanceReference> wanted(Scope scope, StudyManifest.SeriesReference series) {
        return scope.instances().isEmpty() ? series.instances() : series.instances().stream()
                .filter(i -> scope.instances().contains(i.sopInstanceUid())).toList();
    }

    /** A series' source: an open WADO-RS answer, or the RAD-69 instances spooled. */
    private record Step(StudyManifest.SeriesReference series, List<StudyManifest.InstanceReference> wanted,
                        WadoRsClient.Answer wado, Path spooled) {
    }

    /** The opened retrieval: what is known missing already, then the instances themselves. */
    public final class Retrieval implements AutoCloseable {

        private final Scope scope;
        private WadoRsClient.Answer whole;
        private final List<Step> steps = new ArrayList<>();
        private final List<Path> spools = new ArrayList<>();
        private final List<MissingInstance> missing = new ArrayList<>();

        private Retrieval(Scope scope) {
            this.scope = scope;
        }

        /** The instances known unavailable before anything is streamed. */
        public List<MissingInstance> unavailable() {
            return List.copyOf(missing);
        }

        /**
         * The one source answer that covers the whole scope, to be relayed as it is ({@link #relay}); empty when
         * the instances come series by series ({@link #stream}).
         */
        public Optional<WadoRsClient.Answer> whole() {
            return Optional.ofNullable(whole);
        }

        /**
         * Copies the whole answer to {@code out} byte for byte, unparsed: a source's 200 holds every instance asked
         * for and its 206 names what it lacks in its Warning (PS3.18 10.4.3), so the parts need not be read. A
         * source that breaks off, or whose body is shorter than its Content-Length, ends the copy with a
         * {@link SourceStream.SourceException}; a client that goes away with another IOException. Either way the
         * answer must be aborted, not completed.
         *
         * @return the bytes copied.
         */
        public long relay(OutputStream out) throws IOException {
            byte[] buffer = new byte[RELAY_BUFFER];
            long copied = 0;
            try (InputStream in = new SourceStream(whole.body())) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    copied += n;
                }
            }
            if (whole.contentLength() >= 0 && copied != whole.contentLength()) {
                throw new SourceStream.SourceException(new IOException("the source's answer ended after " + copied
                        + " of its " + whole.contentLength() + " bytes"));
            }
            return copied;
        }

        /** Whether any instance can be given at all. */
        public boolean anyAvailable() {
            int wanted = steps.stream().mapToInt(s -> s.wanted().size()).sum();
            return missing.size() < wanted;
        }

        /**
         * Gives every instance to {@code visitor}: each series' WADO-RS parts as they arrive, then its spooled RAD-69
         * instances; what a WADO-RS answer left out is asked of RAD-69 at the end of its series.
         *
         * @return every instance of the scope that could not be had, with the reason.
         */
        public List<MissingInstance> stream(Visitor visitor, BrokenInstance broken) throws IOException {
            if (whole != null) {
                WadoRsClient.Answer answer = whole;
                whole = null; // closed by streamAnswer
                return streamAnswer(answer, scope.series(), visitor, broken);
            }
            List<MissingInstance> all = new ArrayList<>(missing);
            for (Step step : steps) {
                if (step.wado() != null) {
                    all.addAll(streamAnswer(step.wado(), List.of(step.series()), visitor, broken));
                } else {
                    streamSpool(step.spooled(), visitor);
                }
            }
            return all;
        }

        /**
         * Gives each part of a WADO-RS answer to the visitor; then asks RAD-69, series by series, for what the
         * answer did not hold (left out, or cut off by a source that broke off).
         */
        private List<MissingInstance> streamAnswer(WadoRsClient.Answer wadoAnswer,
                                                   List<StudyManifest.SeriesReference> series, Visitor visitor,
                                                   BrokenInstance broken) throws IOException {
            Set<String> delivered = new HashSet<>();
            String failure = null;
            try (var answer = wadoAnswer) {
                String contentType = answer.contentType().orElse("");
                try (var reader = MultipartReader.of(new SourceStream(answer.body()), contentType)) {
                    for (var part = reader.next(); part != null; part = reader.next()) {
                        RetrievedInstance instance = RetrievedInstance.of(part.body());
                        if (instance.sopInstanceUid() == null) {
                            // not a Part 10 object the visitor could name: left to RAD-69 with what was not had
                            LOG.warn("a part of the WADO-RS answer is not a readable Part 10 object: skipped");
                            instance.body().transferTo(OutputStream.nullOutputStream());
                            continue;
                        }
                        try {
                            visitor.instance(instance);
                        } catch (MultipartException | SourceStream.SourceException e) {
                            if (broken == BrokenInstance.ABORT) {
                                // part of the instance has been passed on: no later part can mend it
                                throw new IOException("the WADO-RS answer broke off in the middle of instance "
                                        + instance.sopInstanceUid() + ": " + e.getMessage(), e);
                            }
                            throw e;
                        }
                        instance.body().transferTo(OutputStream.nullOutputStream()); // the visitor may stop early
                        delivered.add(instance.sopInstanceUid());
                    }
                }
            } catch (MultipartException | SourceStream.SourceException e) {
                // the source's failure; any other IOException is the caller's (its client went away) and ends all
                failure = "the WADO-RS answer broke off: " + e.getMessage();
            }
            List<MissingInstance> still = new ArrayList<>();
            for (var one : series) {
                List<StudyManifest.InstanceReference> left = wanted(scope, one).stream()
                        .filter(i -> !delivered.contains(i.sopInstanceUid())).toList();
                if (left.isEmpty()) {
                    continue;
                }
                String why = failure != null ? failure : "not in the WADO-RS answer";
                LOG.info("{} instances of a series not had by WADO-RS ({}): RAD-69 instead", left.size(), why);
                Path spooled = Files.createTempDirectory(spool, "rad69-");
                spools.add(spooled);
                still.addAll(rad69(scope, one, left, why, spooled));
                streamSpool(spooled, visitor);
            }
            return still;
        }

        private void streamSpool(Path directory, Visitor visitor) throws IOException {
            List<Path> files;
            try (var list = Files.list(directory)) {
                files = list.sorted().toList();
            }
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    visitor.instance(RetrievedInstance.of(in));
                }
                Files.delete(file);
            }
        }

        @Override
        public void close() throws IOException {
            if (whole != null) {
                whole.close();
            }
            for (Step step : steps) {
                if (step.wado() != null) {
                    step.wado().close();
                }
            }
            for (Path directory : spools) {
                try (var files = Files.list(directory)) {
                    for (Path file : (Iterable<Path>) files::iterator) {
                        Files.deleteIfExists(file);
                    }
                }
                Files.deleteIfExists(directory);
            }
        }
    }

    /** Groups missing instances by reason, for a Warning header or a log line. */
    public static Map<String, List<String>> byReason(List<MissingInstance> missing) {
        Map<String, List<String>> grouped = new LinkedHashMap<>();
        missing.forEach(m -> grouped.computeIfAbsent(m.reason(), r -> new ArrayList<>()).add(m.sopInstanceUid()));
        return grouped;
    }
}
