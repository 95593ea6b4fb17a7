// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb;

import java.util.LinkedHashSet;
import java.util.Set;

import net.imagingexchange.dicom.io.TransferSyntax;
import net.imagingexchange.dicom.web.MediaType;

/**
 * What a request's Accept header allows of this origin server's representations (PS3.18 8.7.5, 8.7.8): instances
 * as {@code multipart/related; type="application/dicom"}, metadata as {@code application/dicom+json}, bulk data and
 * frames as {@code application/octet-stream}, each in the transfer syntaxes it names. Nothing is transcoded or
 * rendered, so a range that needs it is not acceptable; when no range is, the request is a 406.
 */
final class Negotiation {

    static final String DICOM = "application/dicom";
    static final String OCTET_STREAM = "application/octet-stream";
    static final String EXPLICIT_VR_LITTLE_ENDIAN = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid();

    private Negotiation() {
    }

    /**
     * The transfer syntaxes a request accepts.
     *
     * @param any  no transfer syntax named, or {@code *}: whatever is stored.
     * @param uids the ones named.
     */
    record Syntaxes(boolean any, Set<String> uids) {

        Syntaxes {
            uids = Set.copyOf(uids);
        }

        boolean allows(String transferSyntaxUid) {
            return any || uids.contains(transferSyntaxUid);
        }

        String describe() {
            return any ? "*" : String.join(", ", uids);
        }
    }

    /** What bulk data or frames may be answered as. */
    record OctetStream(Syntaxes syntaxes, boolean multipart) {
    }

    /**
     * Instances (PS3.18 10.4.1.1, 10.4.3.3.1): {@code multipart/related} of {@code application/dicom} parts. Without a
     * transfer-syntax parameter each instance comes in the syntax it is stored in: PS3.18 8.7.3 would want
     * Explicit VR Little Endian, which this origin server, not transcoding, can only give when it holds it.
     */
    static Syntaxes instances(String accept) {
        AcceptHeader ranges = AcceptHeader.parse(accept);
        boolean any = false;
        var uids = new LinkedHashSet<String>();
        boolean acceptable = false;
        for (MediaType range : ranges.ranges()) {
            MediaType root = multipartRoot(range, DICOM);
            if (root == null) {
                continue;
            }
            acceptable = true;
            String syntax = transferSyntax(range, root);
            if (syntax == null || syntax.equals("*")) {
                any = true;
            } else {
                uids.add(syntax);
            }
        }
        if (!acceptable) {
            throw DicomWebException.notAcceptable("Accept \"" + accept + "\" names nothing served here: instances"
                    + " are served as multipart/related; type=\"application/dicom\", in their stored transfer"
                    + " syntax (no rendering, no ZIP, no transcoding)");
        }
        return new Syntaxes(any, uids);
    }

    /** Metadata (PS3.18 10.4.3.3.2): the DICOM JSON Model only, not the XML one. */
    static void metadata(String accept) {
        AcceptHeader ranges = AcceptHeader.parse(accept);
        if (!ranges.accepts("application", "dicom+json") && !ranges.accepts("application", "json")) {
            throw DicomWebException.notAcceptable("Accept \"" + accept + "\" names nothing served here: metadata"
                    + " is served as application/dicom+json (PS3.18 F.2), not as application/dicom+xml");
        }
    }

    /**
     * Bulk data and frames (PS3.18 10.4.1.1.5-6, 8.7.3.3): {@code multipart/related} of
     * {@code application/octet-stream} parts, or a bare {@code application/octet-stream} for a single value.
     * Uncompressed data is Explicit VR Little Endian; compressed frames keep their stored transfer syntax, since
     * PS3.18 8.7.3.3 lets an origin server that only holds them compressed send them so.
     */
    static OctetStream octetStream(String accept) {
        AcceptHeader ranges = AcceptHeader.parse(accept);
        for (MediaType range : ranges.ranges()) {
            MediaType root = multipartRoot(range, OCTET_STREAM);
            boolean single = range.is("application", "octet-stream");
            if (root != null || single) {
                String syntax = transferSyntax(range, root == null ? range : root);
                boolean any = syntax == null || syntax.equals("*");
                return new OctetStream(new Syntaxes(any, any ? Set.of() : Set.of(syntax)), root != null);
            }
        }
        throw DicomWebException.notAcceptable("Accept \"" + accept + "\" names nothing served here: bulk data and"
                + " frames are served as multipart/related; type=\"application/octet-stream\" (or a bare"
                + " application/octet-stream), compressed frames in their stored transfer syntax (no rendering)");
    }

    /**
     * The root type of a range that is {@code multipart/related} (or a wildcard) with {@code type} = {@code wanted}
     * (or none): {@code wanted} itself, with the parameters written inside the type value; null otherwise.
     */
    private static MediaType multipartRoot(MediaType range, String wanted) {
        if (!AcceptHeader.matches(range, "multipart", "related")) {
            return null;
        }
        String type = range.parameter("type");
        MediaType wantedType = MediaType.parse(wanted);
        if (type == null) {
            return wantedType;
        }
        try {
            MediaType root = MediaType.parse(type);
            return AcceptHeader.matches(root, wantedType.type(), wantedType.subtype()) ? root : null;
        } catch (IllegalArgumentException e) {
            throw DicomWebException.badRequest("malformed type parameter \"" + type + "\" in Accept: "
                    + e.getMessage());
        }
    }

    // the transfer-syntax parameter of the range, or of its type value as some clients write it
    private static String transferSyntax(MediaType range, MediaType root) {
        String syntax = range.parameter("transfer-syntax");
        return syntax != null ? syntax : root.parameter("transfer-syntax");
    }
}
