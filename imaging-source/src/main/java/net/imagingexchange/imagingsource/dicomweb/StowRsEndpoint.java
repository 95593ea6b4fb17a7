// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.Uids;
import net.imagingexchange.dicom.data.Attributes;
import net.imagingexchange.dicom.net.StoreHandler;
import net.imagingexchange.dicom.net.StoreStatusException;
import net.imagingexchange.dicom.web.DicomJsonWriter;
import net.imagingexchange.dicom.web.MediaType;
import net.imagingexchange.dicom.web.MultipartReader;
import net.imagingexchange.imagingsource.ingest.InstanceIngest;

/**
 * STOW-RS Store Instances (PS3.18 10.5): a {@code multipart/related; type="application/dicom"} body of Part 10
 * files, streamed part by part into {@link InstanceIngest}, so that an instance is acknowledged only once it is
 * durably stored (DESIGN.md 6). Each part succeeds or fails alone; the answer lists both (PS3.18 Annex I).
 */
@RestController
@RequestMapping(DicomWebUrls.SERVICE_PATH)
public class StowRsEndpoint {

    /** Media type of the Store Instances Response Module (PS3.18 10.5.3, F.2). */
    static final String DICOM_JSON = "application/dicom+json";

    private static final Logger LOG = LoggerFactory.getLogger(StowRsEndpoint.class);
    private static final int MAX_WARNING_HEADERS = 20;

    private final InstanceIngest ingest;
    private final UnaryOperator<String> publicBase;

    /**
     * @param publicBase the public base URL for a request's own origin ({@link DicomWebUrls#publicBase}), which
     *                   the Retrieve URLs of the answer start with.
     */
    public StowRsEndpoint(InstanceIngest ingest, UnaryOperator<String> publicBase) {
        this.ingest = ingest;
        this.publicBase = publicBase;
    }

    /** Stores every instance of the body; with {@code study}, only those of that study (PS3.18 10.5.1). */
    @PostMapping(path = {"/studies", "/studies/{study}"})
    public void store(@PathVariable(name = "study", required = false) String study, HttpServletRequest request,
                      HttpServletResponse response) throws IOException {
        long start = System.nanoTime();
        if (study != null && !Uids.isUid(study)) {
            throw DicomWebException.badRequest("study \"" + study + "\" of the URL is not a UID (PS3.5 9.1)");
        }
        checkAccept(request.getHeader(HttpHeaders.ACCEPT));
        String boundary = boundary(request.getContentType());
        if (WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class) != null) {
            throw new DicomWebException(HttpStatus.INTERNAL_SERVER_ERROR, "the server's multipart resolver has read"
                    + " this multipart/related body as a form: set spring.servlet.multipart.strict-servlet-compliance"
                    + "=true so that only multipart/form-data is taken as a form");
        }
        var urls = DicomWebUrls.of(publicBase, request);
        StoreInstancesResponse outcome;
        try {
            outcome = storeParts(request.getInputStream(), boundary, study, urls);
        } finally {
            // one DICOM Instances Transferred record per study stored by this request (ATNA)
            String user = request.getRemoteUser();
            ingest.transferEnded(user != null ? user : "STOW-RS " + request.getRemoteAddr(), request.getRemoteAddr());
        }
        answer(response, outcome, urls, study);
        LOG.info("STOW-RS store status={} stored={} failed={} ms={}", outcome.status().value(),
                outcome.storedInstances().size(), outcome.failures().size(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    /** Takes in the parts one after the other, each alone, until the close delimiter or a broken body. */
    private StoreInstancesResponse storeParts(InputStream in, String boundary, String study, DicomWebUrls urls) {
        var outcome = new StoreInstancesResponse();
        MultipartReader reader = reader(in, boundary);
        int parts = 0;
        while (true) {
            MultipartReader.Part part;
            try {
                part = reader.next();
            } catch (IOException e) {
                if (parts == 0) {
                    throw DicomWebException.badRequest("multipart body unreadable: " + e.getMessage());
                }
                outcome.malformedBody(null, null, "multipart body unreadable after " + parts + " parts: "
                        + e.getMessage());
                return outcome;
            }
            if (part == null) {
                break;
            }
            parts++;
            if (!storePart(part, parts, study, urls, outcome)) {
                return outcome;
            }
        }
        if (parts == 0) {
            throw DicomWebException.badRequest("the multipart/related body has no parts: nothing to store");
        }
        return outcome;
    }

    /** Takes in one part; false when the body broke inside it, so that no further part can be read. */
    private boolean storePart(MultipartReader.Part part, int number, String study, DicomWebUrls urls,
                              StoreInstancesResponse outcome) {
        String sopClass = null;
        String sopInstance = null;
        try {
            String problem = partTypeProblem(part, number);
            if (problem != null) {
                outcome.failed(new StoreInstancesResponse.Failed(null, null, StoreHandler.CANNOT_UNDERSTAND, problem));
                return true;
            }
            var part10 = new BufferedInputStream(new BodyStream(part.body()), 64 * 1024);
            Attributes meta = InstanceIngest.fileMeta(part10, "part " + number);
            sopClass = meta.getString(Tag.MEDIA_STORAGE_SOP_CLASS_UID);
            sopInstance = meta.getString(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID);
            // with a study URL, an instance of another study is refused (PS3.18 10.5.1): the ingest checks it
            InstanceIngest.Ingested stored = ingest.ingest(sopClass, sopInstance,
                    meta.getString(Tag.TRANSFER_SYNTAX_UID), part10, study);
            outcome.stored(new StoreInstancesResponse.Stored(stored.sopClassUid(), stored.sopInstanceUid(),
                    stored.studyInstanceUid(), urls.instance(stored.studyInstanceUid(),
                    stored.seriesInstanceUid(), stored.sopInstanceUid())));
            LOG.debug("STOW-RS stored {} {}", stored.outcome(), stored.sopInstanceUid());
        } catch (BodyException e) {
            outcome.malformedBody(sopClass, sopInstance, "body broken inside part " + number + ": "
                    + e.getMessage());
            return false;
        } catch (StoreStatusException e) {
            LOG.debug("STOW-RS refused part {} ({}): {}", number, sopInstance, e.getMessage());
            outcome.failed(new StoreInstancesResponse.Failed(sopClass, sopInstance, e.status(), e.getMessage()));
        } catch (IOException e) {
            LOG.error("STOW-RS could not store part {}", number, e);
            outcome.failed(new StoreInstancesResponse.Failed(sopClass, sopInstance, StoreHandler.OUT_OF_RESOURCES,
                    "storage failed: " + e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("STOW-RS could not index part {}", number, e);
            outcome.failed(new StoreInstancesResponse.Failed(sopClass, sopInstance,
                    StoreInstancesResponse.PROCESSING_FAILURE, "processing failure: " + e.getMessage()));
        }
        return true;
    }

    // PS3.18 10.5.1: every part of a type="application/dicom" body is a Part 10 instance
    private static String partTypeProblem(MultipartReader.Part part, int number) {
        MediaType type;
        try {
            type = part.contentType();
        } catch (IllegalArgumentException e) {
            return "part " + number + " has a malformed Content-Type: " + e.getMessage();
        }
        if (type == null || !type.is("application", "dicom")) {
            return "part " + number + " is " + (type == null ? "without Content-Type" : type.type() + "/"
                    + type.subtype()) + ", not application/dicom";
        }
        return null;
    }

    private static void answer(HttpServletResponse response, StoreInstancesResponse outcome, DicomWebUrls urls,
                               String study) throws IOException {
        response.setStatus(outcome.status().value());
        response.setContentType(DICOM_JSON);
        List<StoreInstancesResponse.Failed> failures = outcome.failures();
        // RFC 7234 5.5 Warning, holding a DICOM status and a reason as PS3.18 recommends: one per failure
        for (var f : failures.subList(0, Math.min(failures.size(), MAX_WARNING_HEADERS))) {
            response.addHeader("Warning", "299 imaging-source \"" + warningText(f) + "\"");
        }
        new DicomJsonWriter(response.getOutputStream(), null).write(outcome.module(urls, study));
    }

    private static String warningText(StoreInstancesResponse.Failed f) {
        String text = String.format("%04X %s: %s", f.failureReason(), f.sopInstanceUid() == null ? "part"
                : f.sopInstanceUid(), f.reason());
        var clean = new StringBuilder();
        for (char c : text.toCharArray()) {
            clean.append(c < 0x20 || c > 0x7E ? '?' : c == '"' || c == '\\' ? '\'' : c);
        }
        return clean.length() > 400 ? clean.substring(0, 400) : clean.toString();
    }

    // the answer is DICOM JSON (PS3.18 10.5.3); application/json and wildcards accept it too
    private static void checkAccept(String accept) {
        AcceptHeader ranges = AcceptHeader.parse(accept);
        if (!ranges.accepts("application", "dicom+json") && !ranges.accepts("application", "json")) {
            throw DicomWebException.notAcceptable("Accept \"" + accept + "\": the Store Instances Response is"
                    + " offered as " + DICOM_JSON + " only");
        }
    }

    // PS3.18 10.5.1: multipart/related; type="application/dicom"; boundary=...
    private static String boundary(String contentType) {
        if (contentType == null) {
            throw new DicomWebException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "no Content-Type: STOW-RS takes"
                    + " multipart/related; type=\"application/dicom\" (PS3.18 10.5.1)");
        }
        MediaType type;
        try {
            type = MediaType.parse(contentType);
        } catch (IllegalArgumentException e) {
            throw DicomWebException.badRequest("malformed Content-Type: " + e.getMessage());
        }
        String root = type.parameter("type");
        if (!type.is("multipart", "related") || root != null && !isDicom(root)) {
            throw new DicomWebException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type " + type.type() + "/"
                    + type.subtype() + (root == null ? "" : " of " + root) + " is not stored: this origin server"
                    + " takes multipart/related; type=\"application/dicom\" with one Part 10 file per part"
                    + " (PS3.18 10.5.1), not metadata and bulk data");
        }
        String boundary = type.parameter("boundary");
        if (boundary == null || boundary.isEmpty()) {
            throw DicomWebException.badRequest("Content-Type multipart/related without a boundary parameter"
                    + " (RFC 2046 5.1.1)");
        }
        return boundary;
    }

    private static MultipartReader reader(InputStream body, String boundary) {
        try {
            return new MultipartReader(body, boundary);
        } catch (IllegalArgumentException e) {
            throw DicomWebException.badRequest("boundary of " + boundary.length() + " characters refused: "
                    + e.getMessage());
        }
    }

    private static boolean isDicom(String type) {
        try {
            return MediaType.parse(type).is("application", "dicom");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** An IOException of the request body (client gone, multipart framing broken), not of our storage. */
    private static final class BodyException extends IOException {
        BodyException(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** A part's body whose read failures are {@link BodyException}s. */
    private static final class BodyStream extends FilterInputStream {

        BodyStream(InputStream body) {
            super(body);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw new BodyException(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                throw new BodyException(e);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return super.skip(n);
            } catch (IOException e) {
                throw new BodyException(e);
            }
        }
    }
}
