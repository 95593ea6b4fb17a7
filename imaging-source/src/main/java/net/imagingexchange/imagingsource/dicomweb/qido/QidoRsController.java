// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb.qido;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import net.imagingexchange.dicom.data.Attributes;
import net.imagingexchange.dicom.web.DicomJsonWriter;

/**
 * QIDO-RS, the Search Transaction of the Studies Service (PS3.18 10.6), over this source's own studies: the six
 * search resources of PS3.18 10.6.1 under {@value #BASE_PATH}, answering {@code application/dicom+json}
 * (PS3.18 F.2). Not supported: the {@code multipart/related; type="application/dicom+xml"} answer (406), fuzzy,
 * empty value and multiple value matching (done literally, with the Warning of PS3.18 8.3.4).
 * <ul>
 * <li>A search that matches nothing answers 200 with an empty array: PS3.18 2026a (CP-2473) made zero results a
 *     success with an empty list, replacing the 204 of earlier editions. So does a study or series named in the
 *     path that this source does not hold: the search is over the collection under it, which is empty (a C-FIND on
 *     that Study Instance UID would find nothing, not fail).</li>
 * <li>Without {@code limit}, at most {@code maxResults} results are returned; a page followed by more results
 *     carries the Warning of PS3.18 8.3.4.4.</li>
 * <li>Refusals are RFC 9457 problem details naming the parameter ({@link InvalidSearchException}).</li>
 * </ul>
 */
@RestController
@RequestMapping(QidoRsController.BASE_PATH)
public class QidoRsController {

    /** Where the DICOMweb services of the imaging source are (DESIGN.md 4). */
    public static final String BASE_PATH = "/imaging-source/dicomweb";

    private static final Logger LOG = LoggerFactory.getLogger(QidoRsController.class);
    private static final String TRANSACTION = QidoRsController.class.getName() + ".transaction";

    private final QidoSearch search;
    private final Supplier<String> publicBaseUrl;
    private final SearchParameters parameters;

    /**
     * @param search        runs the searches.
     * @param publicBaseUrl the DICOMweb base URL reading sites use (e.g.
     *                      {@code https://pacs.example.org/imaging-source/dicomweb}), for Retrieve URLs; empty or
     *                      null means the request's own scheme, host, port and context path followed by
     *                      {@value #BASE_PATH}.
     * @param maxResults    the largest {@code limit} accepted (a larger one is refused with 400) and the page size
     *                      when a request gives none; at least 1.
     */
    public QidoRsController(QidoSearch search, Supplier<String> publicBaseUrl, int maxResults) {
        this.search = search;
        this.publicBaseUrl = publicBaseUrl;
        this.parameters = new SearchParameters(maxResults);
    }

    @GetMapping("/studies")
    public void searchForStudies(@RequestParam MultiValueMap<String, String> query, HttpServletRequest request,
                                 HttpServletResponse response) throws IOException, InvalidSearchException {
        search(new SearchRequest.Scope(QueryLevel.STUDY, null, null), query, request, response);
    }

    @GetMapping("/series")
    public void searchForSeries(@RequestParam MultiValueMap<String, String> query, HttpServletRequest request,
                                HttpServletResponse response) throws IOException, InvalidSearchException {
        search(new SearchRequest.Scope(QueryLevel.SERIES, null, null), query, request, response);
    }

    @GetMapping("/instances")
    public void searchForInstances(@RequestParam MultiValueMap<String, String> query, HttpServletRequest request,
                                   HttpServletResponse response) throws IOException, InvalidSearchException {
        search(new SearchRequest.Scope(QueryLevel.INSTANCE, null, null), query, request, response);
    }

    @GetMapping("/studies/{study}/series")
    public void searchForSeriesOfStudy(@PathVariable String study,
                                       @RequestParam MultiValueMap<String, String> query,
                                       HttpServletRequest request, HttpServletResponse response)
            throws IOException, InvalidSearchException {
        search(new SearchRequest.Scope(QueryLevel.SERIES, study, null), query, request, response);
    }

    @GetMapping("/studies/{study}/instances")
    public void searchForInstancesOfStudy(@PathVariable String study,
                                          @RequestParam MultiValueMap<String, String> query,
                                          HttpServletRequest request, HttpServletResponse response)
            throws IOException, InvalidSearchException {
        search(new SearchRequest.Scope(QueryLevel.INSTANCE, study, null), query, request, response);
    }

    @GetMapping("/studies/{study}/series/{series}/instances")
    public void searchForInstancesOfSeries(@PathVariable String study, @PathVariable String series,
                                           @RequestParam MultiValueMap<String, String> query,
                                           HttpServletRequest request, HttpServletResponse response)
            throws IOException, InvalidSearchException {
        search(new SearchRequest.Scope(QueryLevel.INSTANCE, study, series), query, request, response);
    }

    private void search(SearchRequest.Scope scope, MultiValueMap<String, String> query, HttpServletRequest request,
                        HttpServletResponse response) throws IOException, InvalidSearchException {
        long start = System.nanoTime();
        QueryLevel level = scope.level();
        request.setAttribute(TRANSACTION, level.transaction());
        scope.checkUids();
        MediaType type = ResultMediaType.of(request.getHeader(HttpHeaders.ACCEPT), query.get(SearchParameters.ACCEPT));
        String service = serviceUrl(request);
        SearchRequest searchRequest = parameters.parse(scope, query, service);
        QidoSearch.Page page = search.search(searchRequest, service);
        searchRequest.warnings().forEach(warning -> response.addHeader(HttpHeaders.WARNING, warning));
        if (page.more()) {
            response.addHeader(HttpHeaders.WARNING, SearchParameters.warning(service, SearchParameters.MORE_RESULTS));
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(type.toString());
        try (OutputStream out = response.getOutputStream()) {
            var json = new DicomJsonWriter(out, null);
            json.beginArray();
            for (Attributes result : page.results()) {
                json.write(result);
            }
            json.endArray();
        }
        LOG.info("QIDO-RS {} ok peer={} results={} more={} ms={}", level.transaction(), request.getRemoteAddr(),
                page.results().size(), page.more(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    private String serviceUrl(HttpServletRequest request) {
        String configured = publicBaseUrl.get();
        if (configured != null && !configured.isBlank()) {
            return configured.strip().replaceAll("/+$", "");
        }
        return ServletUriComponentsBuilder.fromContextPath(request).path(BASE_PATH).build().toUriString();
    }

    @ExceptionHandler(InvalidSearchException.class)
    public ResponseEntity<ProblemDetail> refused(InvalidSearchException e, HttpServletRequest request) {
        LOG.info("QIDO-RS {} refused status={} parameter={} peer={}", request.getAttribute(TRANSACTION),
                e.status().value(), e.parameter(), request.getRemoteAddr());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setType(e.type());
        problem.setTitle(e.status() == HttpStatus.NOT_ACCEPTABLE
                ? "No acceptable media type" : "Invalid search parameter");
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("parameter", e.parameter());
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
