// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import net.imagingexchange.atna.RadiologyEvents;
import net.imagingexchange.dicom.Uids;
import net.imagingexchange.imagingsource.index.InstanceRecord;
import net.imagingexchange.imagingsource.index.StudyIndex;
import net.imagingexchange.imagingsource.storage.InstanceStore;

/**
 * RAD-55 WADO Retrieve (RAD TF-2 4.55; PS3.18 9, the URI service): one instance, as the stored Part 10 file
 * ({@code contentType=application/dicom}). Rendered types and other transfer syntaxes are not offered: this origin
 * server serves what it stored, as it was received.
 */
@RestController
public class Rad55Endpoint {

    /** Where the URI service sits (DESIGN.md 4). */
    static final String PATH = "/imaging-source/wado";

    private static final Logger LOG = LoggerFactory.getLogger(Rad55Endpoint.class);
    private static final List<String> UIDS = List.of("studyUID", "seriesUID", "objectUID");
    // PS3.18 9.5: parameters of Retrieve Rendered Instance, which Retrieve DICOM Instance (9.4) does not take
    private static final List<String> RENDERING = List.of("annotation", "rows", "columns", "region",
            "windowCenter", "windowWidth", "frameNumber", "imageQuality", "presentationUID",
            "presentationSeriesUID");

    private final StudyResources resources;
    private final RetrieveAudit audit;

    public Rad55Endpoint(StudyIndex index, InstanceStore store, RetrieveAudit audit) {
        this.resources = new StudyResources(index, store);
        this.audit = audit;
    }

    @GetMapping(PATH)
    public void retrieve(@RequestParam MultiValueMap<String, String> parameters,
                         @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                         HttpServletRequest request, HttpServletResponse response) throws IOException {
        long start = System.nanoTime();
        checkRequest(parameters);
        checkContentType(first(parameters, "contentType"), accept);
        List<String> rendering = RENDERING.stream().filter(parameters::containsKey).toList();
        if (!rendering.isEmpty()) {
            throw DicomWebException.badRequest("parameters " + String.join(", ", rendering) + " are for rendered"
                    + " images and cannot go with contentType=application/dicom (PS3.18 9.4, 9.5)");
        }
        if ("yes".equalsIgnoreCase(first(parameters, "anonymize"))) {
            throw DicomWebException.badRequest("anonymize=yes: this origin server serves instances as received"
                    + " and does not de-identify them");
        }
        InstanceRecord instance = resources.instance(first(parameters, "studyUID"), first(parameters, "seriesUID"),
                first(parameters, "objectUID"));
        checkTransferSyntax(first(parameters, "transferSyntax"), instance);
        Path file = resources.file(instance);
        if (!Files.isRegularFile(file)) {
            throw new DicomWebException(HttpStatus.GONE, "the instance is indexed but its file is no longer stored");
        }
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(Negotiation.DICOM);
        response.setContentLengthLong(Files.size(file));
        MultipartResponse.copy(file, response.getOutputStream());
        audit.sent(RadiologyEvents.WADO_URI, List.of(instance), request);
        LOG.info("RAD-55 WADO-URI retrieve status=200 bytes={} ms={}", Files.size(file),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    // PS3.18 9.1.2: requestType=WADO and the three UIDs are required, each once
    private static void checkRequest(MultiValueMap<String, String> parameters) {
        var missing = new ArrayList<String>();
        var wrong = new ArrayList<String>();
        parameters.forEach((name, values) -> {
            if (values.size() > 1) {
                wrong.add(name + " given " + values.size() + " times");
            }
        });
        String requestType = first(parameters, "requestType");
        if (requestType == null || requestType.isEmpty()) {
            missing.add("requestType");
        } else if (!requestType.equals("WADO")) {
            wrong.add("requestType=" + requestType + " is not WADO");
        }
        for (String name : UIDS) {
            String uid = first(parameters, name);
            if (uid == null || uid.isEmpty()) {
                missing.add(name);
            } else if (!Uids.isUid(uid)) {
                wrong.add(name + "=" + uid + " is not a UID");
            }
        }
        if (!missing.isEmpty() || !wrong.isEmpty()) {
            throw DicomWebException.badRequest((missing.isEmpty() ? "" : "missing " + String.join(", ", missing)
                    + (wrong.isEmpty() ? "" : "; ")) + String.join("; ", wrong) + " (PS3.18 9.1.2)");
        }
    }

    // contentType (PS3.18 9.3) and Accept must allow application/dicom, the one type offered. Without contentType,
    // 9.3 would select image/jpeg for an Accept of */*: as nothing is rendered here, the stored instance is sent.
    private static void checkContentType(String contentType, String accept) {
        AcceptHeader ranges = AcceptHeader.parse(accept);
        if (!ranges.accepts("application", "dicom")) {
            throw DicomWebException.notAcceptable("Accept \"" + accept + "\" does not take application/dicom, the"
                    + " only type served: the stored instance, not a rendered image");
        }
        if (contentType == null) {
            return;
        }
        AcceptHeader asked = AcceptHeader.parse(contentType);
        boolean dicom = asked.ranges().stream().anyMatch(type -> type.is("application", "dicom"));
        if (!dicom) {
            throw DicomWebException.notAcceptable("contentType=" + contentType + ": rendered types are not offered;"
                    + " this origin server serves only the stored DICOM instance (contentType=application/dicom)");
        }
    }

    // PS3.18 9.4.2.4: a transfer syntax that is no UID is a 400, one not held a 406
    private static void checkTransferSyntax(String transferSyntax, InstanceRecord instance) {
        if (transferSyntax == null || transferSyntax.isEmpty()
                || transferSyntax.equals(instance.transferSyntaxUid())) {
            return;
        }
        if (!Uids.isUid(transferSyntax)) {
            throw DicomWebException.badRequest("transferSyntax=" + transferSyntax + " is not a UID");
        }
        throw DicomWebException.notAcceptable("the instance is stored in transfer syntax "
                + instance.transferSyntaxUid() + ", not " + transferSyntax + ": this origin server serves only the"
                + " stored DICOM instance, without transcoding");
    }

    private static String first(MultiValueMap<String, String> parameters, String name) {
        String value = parameters.getFirst(name);
        return value == null ? null : value.strip();
    }
}
