// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

import net.imagingexchange.dicom.io.Transcoder;
import net.imagingexchange.dicom.io.TransferSyntax;
import net.imagingexchange.imagingsource.index.InstanceRecord;

/**
 * Instances answered as {@code multipart/related; type="application/dicom"} (PS3.18 10.4.3.3): one part per
 * stored Part 10 file, {@code Content-Type: application/dicom; transfer-syntax=<stored>}, streamed from disk.
 * Instances the request's transfer syntaxes leave out, or whose file is gone, are left out: the answer is then 206
 * with a Warning saying why (PS3.18 Table 10.4.3-1), or 406 / 410 when none is left.
 */
final class InstanceParts {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceParts.class);

    /** What was answered: its status and the instances sent. */
    record Answered(int status, List<InstanceRecord> sent) {

        int instances() {
            return sent.size();
        }
    }

    private static final String EXPLICIT_VR_LITTLE_ENDIAN = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid();

    private InstanceParts() {
    }

    /**
     * Explicit VR Little Endian asked for, an instance stored in Implicit VR Little Endian: re-encoded as it is
     * sent, which every origin server must be able to do (PS3.18 8.7.3).
     */
    private static boolean transcodable(InstanceRecord instance, Negotiation.Syntaxes syntaxes) {
        return syntaxes.uids().contains(EXPLICIT_VR_LITTLE_ENDIAN)
                && Transcoder.canMakeExplicit(instance.transferSyntaxUid());
    }

    /**
     * @param level    "study", "series" or "instance", for messages.
     * @param location the URL of an instance, each part's Content-Location.
     */
    static Answered write(List<InstanceRecord> instances, String level, Negotiation.Syntaxes syntaxes,
                          Function<InstanceRecord, Path> files, Function<InstanceRecord, String> location,
                          HttpServletResponse response) throws IOException {
        var selected = new ArrayList<InstanceRecord>();
        var otherSyntax = new ArrayList<InstanceRecord>();
        int missing = 0;
        for (InstanceRecord instance : instances) {
            if (!syntaxes.allows(instance.transferSyntaxUid()) && !transcodable(instance, syntaxes)) {
                otherSyntax.add(instance);
            } else if (!Files.isRegularFile(files.apply(instance))) {
                LOG.warn("the file of an indexed instance is missing: {}", instance.fileName());
                missing++;
            } else {
                selected.add(instance);
            }
        }
        if (selected.isEmpty()) {
            throw noneLeft(level, syntaxes, otherSyntax, missing);
        }
        int status = selected.size() < instances.size() ? HttpStatus.PARTIAL_CONTENT.value() : HttpStatus.OK.value();
        if (status == HttpStatus.PARTIAL_CONTENT.value()) {
            var reasons = new ArrayList<String>();
            if (!otherSyntax.isEmpty()) {
                reasons.add(otherSyntax.size() + " not held in transfer syntax " + syntaxes.describe()
                        + " (only Implicit VR Little Endian is re-encoded, to Explicit VR Little Endian;"
                        + " transfer-syntax=* gives them as stored)");
            }
            if (missing > 0) {
                reasons.add(missing + " no longer stored");
            }
            response.addHeader("Warning", "299 imaging-source \"" + (instances.size() - selected.size()) + " of "
                    + instances.size() + " instances left out: " + String.join(", ", reasons) + "\"");
        }
        var multipart = new MultipartResponse(response, status, Negotiation.DICOM);
        if (selected.stream().allMatch(i -> syntaxes.allows(i.transferSyntaxUid()))) {
            writeAsStored(selected, files, location, multipart);
            return new Answered(status, List.copyOf(selected));
        }
        for (InstanceRecord instance : selected) {
            if (syntaxes.allows(instance.transferSyntaxUid())) {
                multipart.part(Negotiation.DICOM + "; transfer-syntax=" + instance.transferSyntaxUid(),
                        location.apply(instance), files.apply(instance));
            } else {
                multipart.part(Negotiation.DICOM + "; transfer-syntax=" + EXPLICIT_VR_LITTLE_ENDIAN,
                        location.apply(instance), new MultipartResponse.MadeExplicit(files.apply(instance)));
            }
        }
        multipart.finish();
        return new Answered(status, List.copyOf(selected));
    }

    /** Every instance as stored: the answer's length is known from the index, declared, and checked as sent. */
    private static void writeAsStored(List<InstanceRecord> selected, Function<InstanceRecord, Path> files,
                                      Function<InstanceRecord, String> location, MultipartResponse multipart)
            throws IOException {
        var headers = new ArrayList<Map<String, String>>(selected.size());
        long[] lengths = new long[selected.size()];
        for (int i = 0; i < lengths.length; i++) {
            InstanceRecord instance = selected.get(i);
            headers.add(MultipartResponse.headers(Negotiation.DICOM + "; transfer-syntax="
                    + instance.transferSyntaxUid(), location.apply(instance)));
            lengths[i] = instance.fileSize(); // as indexed; MultipartResponse.part aborts if the file differs
        }
        multipart.contentLength(headers, lengths);
        for (int i = 0; i < lengths.length; i++) {
            multipart.part(headers.get(i), files.apply(selected.get(i)), lengths[i]);
        }
        multipart.finish();
    }

    private static DicomWebException noneLeft(String level, Negotiation.Syntaxes syntaxes,
                                              List<InstanceRecord> otherSyntax, int missing) {
        if (otherSyntax.isEmpty()) {
            return new DicomWebException(HttpStatus.GONE, "the " + level + " is indexed but its "
                    + (missing == 1 ? "file is" : missing + " files are") + " no longer stored");
        }
        String stored = String.join(", ", otherSyntax.stream().map(InstanceRecord::transferSyntaxUid).distinct()
                .toList());
        return DicomWebException.notAcceptable("the " + level + " is stored in transfer syntax " + stored
                + ", not in " + syntaxes.describe() + ", and this origin server does not transcode (but Implicit to"
                + " Explicit VR Little Endian): ask for"
                + " transfer-syntax=* (or " + stored + ")");
    }
}
