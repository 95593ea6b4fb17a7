// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.report;

import java.util.List;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** Reads an Accept header (RFC 9110 12.5.1) for the one choice the report API makes: CDA as XML, or HTML. */
final class AcceptedMedia {

    private static final List<MediaType> XML = List.of(MediaType.TEXT_XML, MediaType.APPLICATION_XML);

    private AcceptedMedia() {
    }

    /** True when {@code text/html} has a higher quality than every XML type; a tie ({@code *}{@code /*}) is XML. */
    static boolean prefersHtml(String accept) {
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        double html = quality(accepted, List.of(MediaType.TEXT_HTML));
        return html > 0 && html > quality(accepted, XML);
    }

    // the quality of the most specific range that includes the type (RFC 9110 12.5.1), the best over the types
    private static double quality(List<MediaType> accepted, List<MediaType> types) {
        double best = 0;
        for (MediaType type : types) {
            MediaType match = null;
            for (MediaType range : accepted) {
                if (range.includes(type) && (match == null || specificity(range) > specificity(match))) {
                    match = range;
                }
            }
            if (match != null) {
                best = Math.max(best, match.getQualityValue());
            }
        }
        return best;
    }

    private static int specificity(MediaType range) {
        return range.isWildcardType() ? 0 : range.isWildcardSubtype() ? 1 : 2;
    }
}
