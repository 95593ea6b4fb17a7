// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.dicomweb;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import net.imagingexchange.consumer.audit.InstancesAccessedAudit;
import net.imagingexchange.consumer.manifest.StudyManifest;
import net.imagingexchange.consumer.region.ImagingSources;
import net.imagingexchange.consumer.region.RegionStudy;
import net.imagingexchange.consumer.region.StudyCatalogue;
import net.imagingexchange.consumer.retrieve.MissingInstance;
import net.imagingexchange.consumer.retrieve.SourceStream;
import net.imagingexchange.consumer.retrieve.StudyRetrieval;
import net.imagingexchange.consumer.retrieve.TransferSyntaxes;
import net.imagingexchange.dicom.io.TransferSyntax;
import net.imagingexchange.dicom.web.MultipartWriter;

/**
 * WADO-RS (PS3.18 10.4) over the region: a study, series or instance is resolved through its manifest to the imaging
 * sources that hold it and streamed through part by part (StudyRetrieval: WADO-RS, RAD-69 for what it does not
 * give); metadata and the resources under an instance (frames, bulk data, rendered) are the source's, passed through
 * with the source's URLs turned into the façade's.
 */
@RestController
@RequestMapping(FacadeUrls.SERVICE_PATH)
public class FacadeRetrieve {

    private static final Logger LOG = LoggerFactory.getLogger(FacadeRetrieve.class);
    private static final String INSTANCE = "/studies/{study}/series/{series}/instances/{instance}";
    /** A Warning header names this many missing instances at most; the log names them all. */
    private static final int NAMED_IN_WARNING = 20;

    private final StudyCatalogue catalogue;
    private final StudyRetrieval retrieval;
    private final UpstreamResources upstream;
    private final ImagingSources sources;
    private final InstancesAccessedAudit audit;
    private final String baseUrl;

    public FacadeRetrieve(StudyCatalogue catalogue, StudyRetrieval retrieval, UpstreamResources upstream,
                          ImagingSources sources, InstancesAccessedAudit audit, String baseUrl) {
        this.catalogue = catalogue;
        this.retrieval = retrieval;
        this.upstream = upstream;
        this.sources = sources;
        this.audit = audit;
        this.baseUrl = baseUrl;
    }

    @GetMapping("/studies/{study}")
    public void study(@PathVariable String study, @RequestHeader(value = HttpHeaders.ACCEPT, required = false)
                      String accept, HttpServletRequest request, HttpServletResponse response)
            throws IOException, StudyCatalogue.RegionException {
        RegionStudy found = study(study);
        instances(found, found.manifest().series(), null, accept, request, response);
    }

    @GetMapping("/studies/{study}/series/{series}")
    public void series(@PathVariable String study, @PathVariable String series,
                       @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                       HttpServletRequest request, HttpServletResponse response)
            throws IOException, StudyCatalogue.RegionException {
        RegionStudy found = study(study);
        instances(found, List.of(series(found, series)), null, accept, request, response);
    }

    @GetMapping(INSTANCE)
    public void instance(@PathVariable String study, @PathVariable String series, @PathVariable String instance,
                         @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                         HttpServletRequest request, HttpServletResponse response)
            throws IOException, StudyCatalogue.RegionException {
        RegionStudy found = study(study);
        instances(found, List.of(instance(found, series, instance)), instance, accept, request, response);
    }

    @GetMapping("/studies/{study}/metadata")
    public void studyMetadata(@PathVariable String study, HttpServletRequest request, HttpServletResponse response)
            throws IOException, StudyCatalogue.RegionException {
        RegionStudy found = study(study);
        upstream.metadata(found, found.manifest().series(), null, FacadeUrls.of(baseUrl, request), response);
    }

    @GetMapping("/studies/{study}/series/{series}/metadata")
    public void seriesMetadata(@PathVariable String study, @PathVariable String series, HttpServletRequest request,
                               HttpServletResponse response) throws IOException, StudyCatalogue.RegionException {
        RegionStudy found = study(study);
        upstream.metadata(found, List.of(series(found, series)), null, FacadeUrls.of(baseUrl, request), response);
    }

    @GetMapping(INSTANCE + "/metadata")
    public void instanceMetadata(@PathVariable String study, @PathVariable String series,
                                 @PathVariable String instance, HttpServletRequest request,
                                 HttpServletResponse response) throws IOException, StudyCatalogue.RegionException {
        RegionStudy found = study(study);
        upstream.metadata(found, List.of(instance(found, series, instance)), instance,
                FacadeUrls.of(baseUrl, request), response);
    }

    /** Frames, bulk data, rendered and thumbnail resources of an instance: the source's, passed through. */
    @GetMapping({INSTANCE + "/frames/{*rest}", INSTANCE + "/bulkdata/{*rest}", INSTANCE + "/rendered",
            INSTANCE + "/thumbnail"})
    public void underInstance(@PathVariable String study, @PathVariable String series, @PathVariable String instance,
                              HttpServletRequest request, HttpServletResponse response)
            throws IOException, StudyCatalogue.RegionException {
        RegionStudy found = study(study);
        StudyManifest.SeriesReference reference = instance(found, series, instance);
        String path = request.getRequestURI().substring(request.getRequestURI().indexOf("/studies/"));
        upstream.passThrough(reference, path, request, response);
    }

    private RegionStudy study(String studyInstanceUid) throws StudyCatalogue.RegionException {
        return catalogue.study(studyInstanceUid).orElseThrow(() -> new FacadeException(HttpStatus.NOT_FOUND,
                "study " + studyInstanceUid + " has no manifest this site has found in the region: search for it "
                        + "first (QIDO-RS " + FacadeUrls.SERVICE_PATH + "/studies?PatientID=<regional patient ID>)"));
    }

    private static StudyManifest.SeriesReference series(RegionStudy study, String seriesInstanceUid) {
        return study.manifest().series(seriesInstanceUid).orElseThrow(() -> new FacadeException(
                HttpStatus.NOT_FOUND, "the manifest of study " + study.studyInstanceUid() + " lists no series "
                + seriesInstanceUid));
    }

    private static StudyManifest.SeriesReference instance(RegionStudy study, String seriesInstanceUid,
                                                          String sopInstanceUid) {
        StudyManifest.SeriesReference series = series(study, seriesInstanceUid);
        if (series.instances().stream().noneMatch(i -> i.sopInstanceUid().equals(sopInstanceUid))) {
            throw new FacadeException(HttpStatus.NOT_FOUND, "the manifest of study " + study.studyInstanceUid()
                    + " lists no instance " + sopInstanceUid + " in series " + seriesInstanceUid);
        }
        return series;
    }

    private void instances(RegionStudy study, List<StudyManifest.SeriesReference> series, String sopInstanceUid,
                           String accept, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        long start = System.nanoTime();
        InstancesAccept accepted = InstancesAccept.of(accept);
        var scope = new StudyRetrieval.Scope(study, series,
                sopInstanceUid == null ? Set.of() : Set.of(sopInstanceUid), accepted.upstream(),
                TransferSyntaxes.forRad69(accepted.transferSyntax()));
        Optional<String> whole = retrieval.wholeResource(scope);
        Optional<String> local = whole.flatMap(url -> sources.localPath(series.get(0).retrieveLocationUid(), url));
        if (local.isPresent()) {
            var forwarded = LocalSourceForward.forward(request, response, local.get(), accepted.upstream());
            if (forwarded.answered()) {
                audited(study, series, forwarded.status(), forwarded.warning(), request);
                LOG.info("consumer WADO-RS retrieve answered by the local source status={} ms={}",
                        forwarded.status(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                return;
            }
            LOG.info("the local imaging source answered {} {}: each series asked on its own", forwarded.status(),
                    local.get());
        }
        try (var opened = retrieval.open(scope, local.isPresent() ? Optional.empty() : whole)) {
            if (opened.whole().isPresent()) {
                relay(study, series, opened, request, response, start);
                return;
            }
            List<MissingInstance> unavailable = opened.unavailable();
            if (!opened.anyAvailable()) {
                throw new FacadeException(HttpStatus.BAD_GATEWAY, "no instance could be retrieved from the "
                        + "imaging sources: " + describe(unavailable));
            }
            if (!unavailable.isEmpty()) {
                FacadeProblems.partial(response, describe(unavailable)); // PS3.18 10.4.3: some are returned
            }
            var multipart = new MultipartWriter(response.getOutputStream());
            response.setContentType(multipart.contentType("application/dicom"));
            int[] sent = {0};
            List<MissingInstance> missing = opened.stream(instance -> {
                try (InputStream in = instance.body()) {
                    multipart.writeDicomPart(instance.transferSyntaxUid() == null
                            ? TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid() : instance.transferSyntaxUid(), null, in);
                }
                sent[0]++;
            }, StudyRetrieval.BrokenInstance.ABORT);
            multipart.finish();
            List<MissingInstance> late = missing.subList(unavailable.size(), missing.size());
            if (!late.isEmpty()) {
                LOG.warn("WADO-RS through the façade: {} instances were missing after the answer had begun: {}",
                        late.size(), describe(late));
            }
            missing.forEach(m -> LOG.debug("missing instance {} of series {}: {}", m.sopInstanceUid(),
                    m.seriesInstanceUid(), m.reason()));
            audit.accessed(study.studyInstanceUid(), study.patientCx(), sources(series),
                    missing.isEmpty() ? null : missing.size() + " instances could not be retrieved", request);
            LOG.info("consumer WADO-RS retrieve status={} instances={} missing={} ms={}", response.getStatus(),
                    sent[0], missing.size(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }
    }

    /**
     * One source answered the whole request: its answer is relayed as it is (status, Warning, Content-Type with its
     * boundary, Content-Length) and unparsed; its 206 and Warning say what it lacked (PS3.18 10.4.3), and go into
     * the audit. A relay that breaks off is aborted, never completed.
     */
    private void relay(RegionStudy study, List<StudyManifest.SeriesReference> series,
                       StudyRetrieval.Retrieval opened, HttpServletRequest request, HttpServletResponse response,
                       long start) throws IOException {
        var answer = opened.whole().orElseThrow();
        response.setStatus(answer.status());
        answer.warning().ifPresent(warning -> response.setHeader(HttpHeaders.WARNING, warning));
        answer.contentType().ifPresent(response::setContentType);
        if (answer.contentLength() >= 0) {
            response.setContentLengthLong(answer.contentLength());
        }
        long bytes;
        try {
            bytes = opened.relay(response.getOutputStream());
        } catch (SourceStream.SourceException e) {
            if (response.isCommitted()) {
                throw e; // the client has part of it: the answer is aborted
            }
            response.reset();
            throw new FacadeException(HttpStatus.BAD_GATEWAY, "the imaging source's answer broke off: "
                    + e.getMessage());
        }
        audited(study, series, answer.status(), answer.warning(), request);
        LOG.info("consumer WADO-RS retrieve relayed status={} bytes={} ms={}", answer.status(), bytes,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    /** The audit of an answer the source gave whole: its 206 and Warning say what it lacked (PS3.18 10.4.3). */
    private void audited(RegionStudy study, List<StudyManifest.SeriesReference> series, int status,
                         Optional<String> warning, HttpServletRequest request) {
        String shortfall = status == HttpStatus.OK.value() ? null : "the imaging source answered " + status
                + warning.map(w -> ": " + w).orElse("");
        audit.accessed(study.studyInstanceUid(), study.patientCx(), sources(series), shortfall, request);
    }

    /** The imaging sources' WADO-RS Retrieve URLs of {@code series}, for the audit. */
    private static List<String> sources(List<StudyManifest.SeriesReference> series) {
        return series.stream().map(StudyManifest.SeriesReference::retrieveUrl).filter(url -> !url.isBlank())
                .distinct().toList();
    }

    /** The missing instances by reason, the first few named (a Warning header or a problem detail). */
    static String describe(List<MissingInstance> missing) {
        return StudyRetrieval.byReason(missing).entrySet().stream().map(e -> {
            List<String> uids = e.getValue();
            String named = uids.stream().limit(NAMED_IN_WARNING).collect(Collectors.joining(", "));
            return uids.size() + " instance(s) (" + named + (uids.size() > NAMED_IN_WARNING ? ", ..." : "")
                    + "): " + e.getKey();
        }).collect(Collectors.joining("; "));
    }
}
