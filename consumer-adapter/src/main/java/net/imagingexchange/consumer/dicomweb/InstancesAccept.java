// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.dicomweb;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;

import net.imagingexchange.dicom.web.MediaType;

/**
 * What a client's Accept header asks of an instances resource (PS3.18 8.7.5, 10.4.1.1): the façade serves
 * {@code multipart/related; type="application/dicom"} and leaves the transfer syntax to the source, to which the
 * client's own range is forwarded.
 *
 * @param upstream       the Accept header for the source: the client's acceptable range, or the default one.
 * @param transferSyntax the range's transfer-syntax parameter; null when absent.
 */
record InstancesAccept(String upstream, String transferSyntax) {

    static final String DEFAULT = "multipart/related; type=\"application/dicom\"";

    /** @throws FacadeException 406 when no range allows DICOM instances in multipart/related, 400 if malformed. */
    static InstancesAccept of(String accept) {
        if (accept == null || accept.isBlank()) {
            return new InstancesAccept(DEFAULT, null);
        }
        for (String range : ranges(accept)) {
            MediaType type;
            try {
                type = MediaType.parse(range.strip());
            } catch (IllegalArgumentException e) {
                throw new FacadeException(HttpStatus.BAD_REQUEST, "malformed Accept header: " + e.getMessage());
            }
            if ("0".equals(type.parameter("q")) || "0.0".equals(type.parameter("q"))) {
                continue;
            }
            if (type.type().equals("*") || type.is("multipart", "*")) {
                return new InstancesAccept(DEFAULT, null);
            }
            String root = type.parameter("type");
            if (type.is("multipart", "related") && (root == null || root.equalsIgnoreCase("application/dicom"))) {
                String syntax = type.parameter("transfer-syntax");
                return new InstancesAccept(syntax == null ? DEFAULT
                        : DEFAULT + "; transfer-syntax=" + syntax, syntax);
            }
        }
        throw new FacadeException(HttpStatus.NOT_ACCEPTABLE, "instances are served as multipart/related; "
                + "type=\"application/dicom\" (PS3.18 10.4.1.1); the Accept header allows none: " + accept);
    }

    /** Ranges of an Accept header, not split at commas inside quoted values. */
    static List<String> ranges(String accept) {
        List<String> ranges = new ArrayList<>();
        var current = new StringBuilder();
        boolean quoted = false;
        for (char c : accept.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                ranges.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        ranges.add(current.toString());
        return ranges.stream().filter(r -> !r.isBlank()).toList();
    }
}
