// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import net.imagingexchange.dicom.web.MediaType;

/**
 * The media ranges of an Accept header (RFC 9110 12.5.1), most preferred first, those with {@code q=0} left out.
 * An absent or empty header accepts anything ({@code *}{@code /*}). Commas inside quoted parameter values, as in
 * {@code type="application/dicom"}, do not split ranges (PS3.18 8.7.5 allows several).
 */
record AcceptHeader(List<MediaType> ranges) {

    static final MediaType ANY = new MediaType("*", "*", Map.of());

    AcceptHeader {
        ranges = List.copyOf(ranges);
    }

    /** Parses a header; a malformed one is a 400 naming what is wrong (PS3.18 8.5). */
    static AcceptHeader parse(String header) {
        if (header == null || header.isBlank()) {
            return new AcceptHeader(List.of(ANY));
        }
        record Weighted(MediaType type, double q) {
        }
        var weighted = new ArrayList<Weighted>();
        for (String range : split(header)) {
            if (range.isBlank()) {
                continue;
            }
            MediaType type;
            try {
                type = MediaType.parse(range.strip());
            } catch (IllegalArgumentException e) {
                throw DicomWebException.badRequest("malformed Accept header: " + e.getMessage());
            }
            double q = quality(type);
            if (q > 0) {
                weighted.add(new Weighted(type, q));
            }
        }
        weighted.sort(Comparator.comparingDouble(Weighted::q).reversed()); // stable: equal q keep their order
        return new AcceptHeader(weighted.stream().map(Weighted::type).toList());
    }

    /** Whether some range matches {@code type/subtype}, wildcards included. */
    boolean accepts(String type, String subtype) {
        return ranges.stream().anyMatch(range -> matches(range, type, subtype));
    }

    static boolean matches(MediaType range, String type, String subtype) {
        return range.type().equals("*")
                || range.type().equals(type) && (range.subtype().equals("*") || range.subtype().equals(subtype));
    }

    private static double quality(MediaType type) {
        String q = type.parameter("q");
        if (q == null) {
            return 1;
        }
        try {
            double value = Double.parseDouble(q);
            if (value < 0 || value > 1) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw DicomWebException.badRequest("malformed Accept header: q=" + q + " is not a weight from 0 to 1"
                    + " (RFC 9110 12.4.2)");
        }
    }

    private static List<String> split(String header) {
        var parts = new ArrayList<String>();
        var current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"' && (i == 0 || header.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }
}
