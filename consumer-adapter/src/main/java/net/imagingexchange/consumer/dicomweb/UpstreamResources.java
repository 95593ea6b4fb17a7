// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.dicomweb;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import net.imagingexchange.consumer.manifest.StudyManifest;
import net.imagingexchange.consumer.region.ImagingSources;
import net.imagingexchange.consumer.region.RegionStudy;
import net.imagingexchange.consumer.retrieve.WadoRsClient;

/**
 * The resources the façade takes from a source as they are: DICOM JSON metadata (PS3.18 10.4.1.2, F.2), merged
 * across series and sources token by token, and the resources under an instance. URLs of the source in them (BulkDataURI,
 * Retrieve URL) become the façade's, so that a client of the reading site never needs to reach a source itself.
 */
public final class UpstreamResources {

    static final String DICOM_JSON = "application/dicom+json";

    private final WadoRsClient wado;
    private final ImagingSources sources;
    private final JsonFactory json = new JsonFactory();

    public UpstreamResources(WadoRsClient wado, ImagingSources sources) {
        this.wado = wado;
        this.sources = sources;
    }

    /**
     * The metadata of {@code series} (one instance of the single series when {@code sopInstanceUid} is set), as one
     * DICOM JSON array. Sources answer series by series; none answering is a 502 naming them, some is a 206.
     */
    void metadata(RegionStudy study, List<StudyManifest.SeriesReference> series, String sopInstanceUid,
                  FacadeUrls facade, HttpServletResponse response) throws IOException {
        List<WadoRsClient.Answer> answers = new ArrayList<>();
        List<String> bases = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        try {
            for (var asked : asked(study, series, sopInstanceUid)) {
                if (asked.resource() == null) {
                    failures.add(asked.what() + ": no WADO-RS Retrieve URL may be followed");
                    continue;
                }
                try {
                    var answer = wado.get(asked.resource() + "/metadata", DICOM_JSON);
                    if (answer.status() == 200 || answer.status() == 206) {
                        answers.add(answer);
                        bases.add(asked.base());
                    } else {
                        answer.close();
                        failures.add(asked.what() + ": " + asked.resource() + "/metadata answered "
                                + answer.status());
                    }
                } catch (IOException e) {
                    failures.add(asked.what() + ": " + e.getMessage());
                }
            }
            if (answers.isEmpty()) {
                throw new FacadeException(HttpStatus.BAD_GATEWAY, "no source gave the metadata: "
                        + String.join("; ", failures));
            }
            if (!failures.isEmpty()) {
                FacadeProblems.partial(response, String.join("; ", failures));
            }
            response.setContentType(DICOM_JSON);
            try (JsonGenerator out = json.createGenerator(response.getOutputStream())) {
                out.writeStartArray();
                for (int i = 0; i < answers.size(); i++) {
                    copyItems(answers.get(i).body(), bases.get(i), facade.root(), out);
                }
                out.writeEndArray();
            }
        } finally {
            for (var answer : answers) {
                answer.close();
            }
        }
    }

    /** A resource whose metadata is asked: null when none may be followed. */
    private record Asked(String what, String resource, String base) {
    }

    /**
     * The resources to ask: the study's own when one source holds every series of it (one request), else each
     * series' (or the one instance's).
     */
    private List<Asked> asked(RegionStudy study, List<StudyManifest.SeriesReference> series, String sopInstanceUid) {
        String uid = study.studyInstanceUid();
        List<String> bases = series.stream().map(this::followable).distinct().toList();
        if (sopInstanceUid == null && series.size() > 1 && series.size() == study.manifest().series().size()
                && bases.size() == 1 && bases.get(0) != null) {
            return List.of(new Asked("study " + uid, bases.get(0) + "/studies/" + uid, bases.get(0)));
        }
        return series.stream().map(one -> new Asked("series " + one.seriesInstanceUid(),
                resource(uid, one, sopInstanceUid), one.wadoRsBase())).toList();
    }

    /** Copies the items of one source's array, its URLs rewritten; the source's own array brackets are dropped. */
    private void copyItems(InputStream body, String sourceBase, String facadeRoot, JsonGenerator out)
            throws IOException {
        String sourcePrefix = sourceBase + "/";
        try (JsonParser in = json.createParser(body)) {
            if (in.nextToken() != JsonToken.START_ARRAY) {
                throw new FacadeException(HttpStatus.BAD_GATEWAY, "a source's metadata is not a DICOM JSON array");
            }
            int depth = 0;
            for (JsonToken token = in.nextToken(); token != null; token = in.nextToken()) {
                if (depth == 0 && token == JsonToken.END_ARRAY) {
                    return;
                }
                if (token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT) {
                    depth++;
                } else if (token == JsonToken.END_ARRAY || token == JsonToken.END_OBJECT) {
                    depth--;
                }
                if (token == JsonToken.VALUE_STRING && in.getText().startsWith(sourcePrefix)) {
                    out.writeString(facadeRoot + in.getText().substring(sourceBase.length()));
                } else {
                    out.copyCurrentEvent(in);
                }
            }
        }
    }

    /** A resource under an instance, passed through: the source's status, body and describing headers. */
    void passThrough(StudyManifest.SeriesReference series, String path, HttpServletRequest request,
                     HttpServletResponse response) throws IOException {
        String base = followable(series);
        if (base == null) {
            throw new FacadeException(HttpStatus.BAD_GATEWAY, "series " + series.seriesInstanceUid()
                    + " has no WADO-RS Retrieve URL this site may follow");
        }
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        WadoRsClient.Answer answer;
        try {
            answer = wado.get(base + path + query, accept == null || accept.isBlank() ? "*/*" : accept);
        } catch (IOException e) {
            throw new FacadeException(HttpStatus.BAD_GATEWAY, "the imaging source did not answer: "
                    + e.getMessage());
        }
        try (answer; InputStream in = answer.body()) {
            response.setStatus(answer.status());
            answer.contentType().ifPresent(response::setContentType);
            OutputStream out = response.getOutputStream();
            in.transferTo(out);
        }
    }

    private String resource(String study, StudyManifest.SeriesReference series, String sopInstanceUid) {
        if (followable(series) == null) {
            return null;
        }
        return series.wadoRsUrl(study, sopInstanceUid);
    }

    /** The service base of a followable Retrieve URL, else null. */
    private String followable(StudyManifest.SeriesReference series) {
        // an empty URL is on no allow-list
        return sources.mayFollow(series.retrieveLocationUid(), series.retrieveUrl()) ? series.wadoRsBase() : null;
    }
}
