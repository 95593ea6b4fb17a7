// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;

import net.imagingexchange.dicom.VR;
import net.imagingexchange.dicom.data.BulkData;
import net.imagingexchange.dicom.data.Element;
import net.imagingexchange.dicom.io.TransferSyntax;

/**
 * Bulk data and frames as {@code application/octet-stream} (PS3.18 8.7.3.3, 10.4.3.3): a {@code multipart/related}
 * part each, with its Content-Location, or one bare body when the request accepts that and there is one value.
 */
final class OctetStreamAnswer {

    private static final Pattern FRAME_NUMBER = Pattern.compile("[1-9][0-9]{0,8}");

    private OctetStreamAnswer() {
    }

    /** The frame numbers of a frame list, {@code 1,3,2} (PS3.18 10.4.1.1.6); anything else is a 400. */
    static int[] frameList(String list) {
        String[] items = list.split(",", -1);
        int[] numbers = new int[items.length];
        for (int i = 0; i < items.length; i++) {
            if (!FRAME_NUMBER.matcher(items[i].strip()).matches()) {
                throw DicomWebException.badRequest("frame list \"" + list + "\" is not comma-separated frame numbers"
                        + " counted from 1");
            }
            numbers[i] = Integer.parseInt(items[i].strip());
        }
        return numbers;
    }

    /**
     * Writes frames; a frame number beyond the instance's frames is a 404 (the frame resource does not exist,
     * PS3.18 Table 10.4.3-1), a transfer syntax other than the frames' a 406.
     *
     * @param locationPrefix the URL that a frame number completes, for Content-Location.
     */
    static void frames(PixelFrames frames, int[] numbers, Negotiation.OctetStream accepted, String locationPrefix,
                       HttpServletResponse response) throws IOException {
        for (int number : numbers) {
            if (number > frames.frames().size()) {
                throw DicomWebException.notFound("frame " + number + " does not exist: the instance has "
                        + frames.frames().size() + (frames.frames().size() == 1 ? " frame" : " frames"));
            }
        }
        if (!accepted.syntaxes().allows(frames.transferSyntaxUid())) {
            throw DicomWebException.notAcceptable("the frames are held in transfer syntax "
                    + frames.transferSyntaxUid() + ", not in " + accepted.syntaxes().describe()
                    + ", and this origin server does not transcode: ask for transfer-syntax=*");
        }
        String type = Negotiation.OCTET_STREAM + "; transfer-syntax=" + frames.transferSyntaxUid();
        if (accepted.multipart()) {
            var multipart = new MultipartResponse(response, HttpStatus.OK.value(), Negotiation.OCTET_STREAM);
            for (int number : numbers) {
                multipart.part(type, locationPrefix + number, frames.frames().get(number - 1));
            }
            multipart.finish();
            return;
        }
        if (numbers.length > 1) {
            throw DicomWebException.notAcceptable(numbers.length + " frames need multipart/related;"
                    + " type=\"application/octet-stream\", not a single application/octet-stream body");
        }
        single(type, frames.frames().get(numbers[0] - 1), response);
    }

    /**
     * Writes one value other than encapsulated pixel data: uncompressed, little endian (PS3.18 8.7.3.3.1).
     *
     * @param stored the file's transfer syntax: a big endian one holds values this origin server does not swap.
     */
    static void value(Element element, TransferSyntax stored, Negotiation.OctetStream accepted, String location,
                      HttpServletResponse response) throws IOException {
        if (stored.bigEndian() && element.value() instanceof BulkData && wordSize(element.vr()) > 1) {
            throw DicomWebException.notAcceptable("the value is stored in retired Explicit VR Big Endian; bulk data"
                    + " is served little endian and this origin server does not convert it");
        }
        if (!accepted.syntaxes().allows(Negotiation.EXPLICIT_VR_LITTLE_ENDIAN)) {
            throw DicomWebException.notAcceptable("bulk data is served uncompressed, little endian ("
                    + Negotiation.EXPLICIT_VR_LITTLE_ENDIAN + "), not in " + accepted.syntaxes().describe());
        }
        if (accepted.multipart()) {
            var multipart = new MultipartResponse(response, HttpStatus.OK.value(), Negotiation.OCTET_STREAM);
            multipart.part(Negotiation.OCTET_STREAM, location, element.value());
            multipart.finish();
        } else {
            single(Negotiation.OCTET_STREAM, List.of(element.value()), response);
        }
    }

    private static void single(String type, List<Object> pieces, HttpServletResponse response) throws IOException {
        long length = 0;
        for (Object piece : pieces) {
            length += piece instanceof byte[] bytes ? bytes.length : ((BulkData) piece).length();
        }
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(type);
        response.setContentLengthLong(length);
        MultipartResponse.copy(pieces, response.getOutputStream());
    }

    private static int wordSize(VR vr) {
        return switch (vr) {
            case US, SS, OW, AT -> 2;
            case UL, SL, FL, OF, OL -> 4;
            case FD, OD, SV, UV, OV -> 8;
            default -> 1;
        };
    }
}
