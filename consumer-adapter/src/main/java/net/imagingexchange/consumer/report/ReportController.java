// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.report;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import net.imagingexchange.consumer.region.RegionStudy;
import net.imagingexchange.consumer.region.StudyCatalogue;

/**
 * The report API of the reading site (DESIGN.md 4, {@code /consumer/api/reports}): a report posted as JSON is sent
 * to the region as CDA (ITI-41); the origin site lists a study's reports and reads each as CDA or as HTML. A study is
 * named by its Study Instance UID; its patient by {@code patientId}, or else as the catalogue remembers it.
 */
@RestController
@RequestMapping(ReportController.PATH)
public class ReportController {

    static final String PATH = "/consumer/api/reports";
    private static final MediaType HTML_UTF_8 = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final ReportSource source;
    private final ReportCatalogue reports;
    private final StudyCatalogue studies;
    private final ReportRendering rendering;

    public ReportController(ReportSource source, ReportCatalogue reports, StudyCatalogue studies,
                            ReportRendering rendering) {
        this.source = source;
        this.reports = reports;
        this.studies = studies;
        this.rendering = rendering;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ReportSource.Submitted> submit(@RequestBody ReportRequest request) throws ReportException {
        ReportSource.Submitted submitted = source.submit(request);
        return ResponseEntity.created(link(submitted.uniqueId(), submitted.studyInstanceUid(), false))
                .body(submitted);
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public List<ReportSummary> list(@RequestParam String studyInstanceUid,
                                    @RequestParam Optional<String> patientId) throws ReportException {
        String patient = patient(studyInstanceUid, patientId);
        return reports.reports(patient, studyInstanceUid).stream()
                .map(entry -> ReportSummary.of(entry, new ReportSummary.Links(
                        link(entry.getUniqueId(), studyInstanceUid, false).toString(),
                        link(entry.getUniqueId(), studyInstanceUid, true).toString())))
                .toList();
    }

    /** The report's CDA ({@code text/xml}), or its HTML page when the Accept header prefers {@code text/html}. */
    @GetMapping("/{uniqueId}")
    public ResponseEntity<StreamingResponseBody> document(@PathVariable String uniqueId,
                                                          @RequestParam String studyInstanceUid,
                                                          @RequestParam Optional<String> patientId,
                                                          @RequestParam Optional<String> format,
                                                          @RequestHeader(value = HttpHeaders.ACCEPT,
                                                                  defaultValue = "*/*") String accept)
            throws ReportException {
        String patient = patient(studyInstanceUid, patientId);
        DocumentEntry entry = ReportCatalogue.withUniqueId(reports.reports(patient, studyInstanceUid), uniqueId)
                .orElseThrow(() -> new ReportException(ReportFailure.UNKNOWN_REPORT, "study " + studyInstanceUid
                        + " has no current report " + uniqueId));
        Path cda = reports.document(entry);
        boolean html = format.map("html"::equalsIgnoreCase).orElseGet(() -> AcceptedMedia.prefersHtml(accept));
        if (html) {
            return ResponseEntity.ok().contentType(HTML_UTF_8)
                    .body(out -> rendering.render(cda, out));
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(out -> Files.copy(cda, out));
    }

    private String patient(String studyInstanceUid, Optional<String> patientId) throws ReportException {
        if (patientId.isPresent() && !patientId.get().isBlank()) {
            return source.patient(patientId.get());
        }
        try {
            return studies.study(studyInstanceUid).map(RegionStudy::patientCx).orElseThrow(() -> new ReportException(
                    ReportFailure.MISSING_FIELDS, "patientId is needed: this adapter does not know the patient of"
                    + " study " + studyInstanceUid, List.of("patientId")));
        } catch (StudyCatalogue.RegionException e) {
            throw new ReportException(ReportFailure.REGION_UNAVAILABLE, e.getMessage(), e);
        }
    }

    private static URI link(String uniqueId, String studyInstanceUid, boolean html) {
        UriComponentsBuilder builder = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(PATH + "/{uniqueId}").queryParam("studyInstanceUid", studyInstanceUid);
        if (html) {
            builder.queryParam("format", "html");
        }
        return builder.buildAndExpand(uniqueId).toUri();
    }
}
