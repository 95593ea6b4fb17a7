// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

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

import net.imagingexchange.atna.RadiologyEvents;
import net.imagingexchange.dicom.data.Element;
import net.imagingexchange.dicom.data.Fragments;
import net.imagingexchange.dicom.io.DicomFile;
import net.imagingexchange.imagingsource.index.InstanceRecord;
import net.imagingexchange.imagingsource.index.StudyIndex;
import net.imagingexchange.imagingsource.storage.InstanceStore;

/**
 * RAD-107 WADO-RS Retrieve (RAD TF-2 4.107; PS3.18 10.4): the instances of a study, a series or one instance as
 * stored, their metadata, their bulk data and the frames of their pixel data. Answers stream from the stored
 * files; rendered resources are not offered.
 */
@RestController
@RequestMapping(DicomWebUrls.SERVICE_PATH)
public class Rad107Endpoint {

    private static final Logger LOG = LoggerFactory.getLogger(Rad107Endpoint.class);
    private static final String INSTANCE = "/studies/{study}/series/{series}/instances/{instance}";

    private final StudyResources resources;
    private final UnaryOperator<String> publicBase;
    private final RetrieveAudit audit;

    /**
     * @param publicBase the public base URL for a request's own origin ({@link DicomWebUrls#publicBase}), which
     *                   Content-Locations and BulkDataURIs start with.
     * @param audit      records what each retrieve sent (ATNA).
     */
    public Rad107Endpoint(StudyIndex index, InstanceStore store, UnaryOperator<String> publicBase,
                          RetrieveAudit audit) {
        this.resources = new StudyResources(index, store);
        this.publicBase = publicBase;
        this.audit = audit;
    }

    @GetMapping("/studies/{study}")
    public void study(@PathVariable String study, @RequestHeader(value = HttpHeaders.ACCEPT, required = false)
                      String accept, HttpServletRequest request, HttpServletResponse response) throws IOException {
        instances(resources.ofStudy(study), "study", accept, request, response);
    }

    @GetMapping("/studies/{study}/series/{series}")
    public void series(@PathVariable String study, @PathVariable String series,
                       @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                       HttpServletRequest request, HttpServletResponse response) throws IOException {
        instances(resources.ofSeries(study, series), "series", accept, request, response);
    }

    @GetMapping(INSTANCE)
    public void instance(@PathVariable String study, @PathVariable String series, @PathVariable String instance,
                         @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                         HttpServletRequest request, HttpServletResponse response) throws IOException {
        instances(List.of(resources.instance(study, series, instance)), "instance", accept, request, response);
    }

    @GetMapping("/studies/{study}/metadata")
    public void studyMetadata(@PathVariable String study, @RequestHeader(value = HttpHeaders.ACCEPT,
            required = false) String accept, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        metadata(resources.ofStudy(study), "study", accept, request, response);
    }

    @GetMapping("/studies/{study}/series/{series}/metadata")
    public void seriesMetadata(@PathVariable String study, @PathVariable String series,
                               @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                               HttpServletRequest request, HttpServletResponse response) throws IOException {
        metadata(resources.ofSeries(study, series), "series", accept, request, response);
    }

    @GetMapping(INSTANCE + "/metadata")
    public void instanceMetadata(@PathVariable String study, @PathVariable String series,
                                 @PathVariable String instance, @RequestHeader(value = HttpHeaders.ACCEPT,
            required = false) String accept, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        metadata(List.of(resources.instance(study, series, instance)), "instance", accept, request, response);
    }

    /** A value behind a BulkDataURI of the metadata (PS3.18 10.4.1.1.5, 10.4.3.3.2). */
    @GetMapping(INSTANCE + "/bulkdata/{*path}")
    public void bulkData(@PathVariable String study, @PathVariable String series, @PathVariable String instance,
                         @PathVariable String path, @RequestHeader(value = HttpHeaders.ACCEPT, required = false)
                         String accept, HttpServletRequest request, HttpServletResponse response) throws IOException {
        long start = System.nanoTime();
        InstanceRecord record = resources.instance(study, series, instance);
        Negotiation.OctetStream accepted = Negotiation.octetStream(accept);
        DicomFile file = read(record);
        String location = DicomWebUrls.of(publicBase, request).instance(study, series, instance);
        String elementPath = path.startsWith("/") ? path.substring(1) : path;
        Element element = BulkDataPath.locate(file.dataset(), elementPath);
        if (element.value() instanceof Fragments) {
            PixelFrames frames = PixelFrames.of(file, record.numberOfFrames());
            int[] all = IntStream.rangeClosed(1, frames.frames().size()).toArray();
            OctetStreamAnswer.frames(frames, all, accepted, location + "/frames/", response);
        } else {
            OctetStreamAnswer.value(element, file.transferSyntax(), accepted, location + "/bulkdata/" + elementPath,
                    response);
        }
        LOG.info("RAD-107 WADO-RS bulkdata status={} ms={}", response.getStatus(), millisSince(start));
    }

    /** Frames of the pixel data (PS3.18 10.4.1.1.6), e.g. {@code frames/1,3}. */
    @GetMapping(INSTANCE + "/frames/{frames}")
    public void frames(@PathVariable String study, @PathVariable String series, @PathVariable String instance,
                       @PathVariable String frames, @RequestHeader(value = HttpHeaders.ACCEPT, required = false)
                       String accept, HttpServletRequest request, HttpServletResponse response) throws IOException {
        long start = System.nanoTime();
        InstanceRecord record = resources.instance(study, series, instance);
        int[] numbers = OctetStreamAnswer.frameList(frames);
        Negotiation.OctetStream accepted = Negotiation.octetStream(accept);
        PixelFrames pixelFrames = PixelFrames.of(read(record), record.numberOfFrames());
        String location = DicomWebUrls.of(publicBase, request).instance(study, series, instance) + "/frames/";
        OctetStreamAnswer.frames(pixelFrames, numbers, accepted, location, response);
        LOG.info("RAD-107 WADO-RS frames status={} frames={} ms={}", response.getStatus(), numbers.length,
                millisSince(start));
    }

    private void instances(List<InstanceRecord> instances, String level, String accept, HttpServletRequest request,
                           HttpServletResponse response) throws IOException {
        long start = System.nanoTime();
        Negotiation.Syntaxes syntaxes = Negotiation.instances(accept);
        var urls = DicomWebUrls.of(publicBase, request);
        InstanceParts.Answered answered = InstanceParts.write(instances, level, syntaxes, resources::file,
                i -> urls.instance(i.studyInstanceUid(), i.seriesInstanceUid(), i.sopInstanceUid()), response);
        audit.sent(RadiologyEvents.WADO_RS, answered.sent(), request);
        LOG.info("RAD-107 WADO-RS retrieve level={} status={} instances={} ms={}", level, answered.status(),
                answered.instances(), millisSince(start));
    }

    private void metadata(List<InstanceRecord> instances, String level, String accept, HttpServletRequest request,
                          HttpServletResponse response) throws IOException {
        long start = System.nanoTime();
        Negotiation.metadata(accept);
        List<InstanceRecord> stored = instances.stream().filter(i -> Files.isRegularFile(resources.file(i)))
                .toList();
        if (stored.isEmpty()) {
            throw new DicomWebException(HttpStatus.GONE, "the " + level + " is indexed but no longer stored");
        }
        var urls = DicomWebUrls.of(publicBase, request);
        int status = stored.size() < instances.size() ? HttpStatus.PARTIAL_CONTENT.value() : HttpStatus.OK.value();
        response.setStatus(status);
        response.setContentType(StowRsEndpoint.DICOM_JSON);
        InstanceMetadata.write(stored, resources::file, i -> urls.instance(i.studyInstanceUid(),
                i.seriesInstanceUid(), i.sopInstanceUid()) + "/bulkdata", response.getOutputStream());
        LOG.info("RAD-107 WADO-RS metadata level={} status={} instances={} ms={}", level, status, stored.size(),
                millisSince(start));
    }

    private DicomFile read(InstanceRecord record) throws IOException {
        try {
            return InstanceMetadata.read(resources.file(record), record);
        } catch (NoSuchFileException e) {
            throw new DicomWebException(HttpStatus.GONE, "the instance is indexed but its file is no longer stored");
        }
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
