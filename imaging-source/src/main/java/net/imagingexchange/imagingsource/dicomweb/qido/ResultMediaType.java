// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb.qido;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The media type search results are written in: DICOM JSON (PS3.18 F.2), or plain JSON for a client that accepts
 * only that. The {@code multipart/related; type="application/dicom+xml"} answer is not offered.
 */
final class ResultMediaType {

    /** The media type of the DICOM JSON Model (PS3.18 F.2). */
    static final MediaType DICOM_JSON = MediaType.parseMediaType("application/dicom+json");

    private ResultMediaType() {
    }

    /**
     * @param header    the Accept header, or null.
     * @param parameter the {@code accept} query parameter's values (PS3.18 8.3.3.1), which take precedence; or null.
     */
    static MediaType of(String header, List<String> parameter) throws InvalidSearchException {
        String name = parameter != null ? SearchParameters.ACCEPT : HttpHeaders.ACCEPT;
        String accept = parameter != null ? String.join(",", parameter) : header;
        if (accept == null || accept.isBlank()) {
            return DICOM_JSON;
        }
        List<MediaType> acceptable;
        try {
            acceptable = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            throw InvalidSearchException.invalid(name, "malformed media type: " + e.getMessage());
        }
        for (MediaType answer : List.of(DICOM_JSON, MediaType.APPLICATION_JSON)) {
            if (acceptable.stream().anyMatch(a -> a.getQualityValue() > 0 && a.includes(answer))) {
                return answer;
            }
        }
        throw InvalidSearchException.notAcceptable(name, "search results are application/dicom+json"
                + " (PS3.18 10.6); none of " + accept + " accepts it");
    }
}
