// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.rad69;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.imagingexchange.dicom.Uids;
import net.imagingexchange.dicom.io.Transcoder;
import net.imagingexchange.dicom.io.TransferSyntax;
import net.imagingexchange.imagingsource.index.InstanceRecord;
import net.imagingexchange.imagingsource.index.StudyIndex;
import net.imagingexchange.imagingsource.storage.InstanceStore;

/**
 * Decides, for each instance a RAD-69 request names, whether this Imaging Document Source returns it (RAD TF-2
 * 4.69.4.2.2): the request must address this source's Retrieve Location UID, the instance must be stored here in
 * the study and series it is named under, and its stored transfer syntax must be one the consumer accepts, since
 * instances are returned as received, never transcoded. Reads the index only; files are opened when the answer is
 * written.
 */
public final class InstanceRetrieval {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceRetrieval.class);

    private final StudyIndex index;
    private final InstanceStore store;
    private final String retrieveLocationUid;

    /** What becomes of one requested instance. */
    public sealed interface Outcome permits Retrieved, Refused {
        RequestedInstance request();
    }

    /**
     * Returned: its Part 10 file, as stored, or re-encoded in Explicit VR Little Endian when the consumer does not
     * accept the stored Implicit VR Little Endian ({@code madeExplicit}).
     */
    public record Retrieved(RequestedInstance request, InstanceRecord instance, Path file, boolean madeExplicit)
            implements Outcome {
    }

    /** Not returned, and why, in words the consumer can act on (the RegistryError's codeContext). */
    public record Refused(RequestedInstance request, RetrieveFailure failure, String reason) implements Outcome {
    }

    /**
     * @param retrieveLocationUid the repositoryUniqueId requests must name: the Retrieve Location UID of this
     *                            source's manifests.
     */
    public InstanceRetrieval(StudyIndex index, InstanceStore store, String retrieveLocationUid) {
        this.index = index;
        this.store = store;
        this.retrieveLocationUid = retrieveLocationUid;
    }

    /**
     * @param transferSyntaxUids the TransferSyntaxUIDList: transfer syntaxes the consumer accepts.
     * @return one outcome per requested instance, in request order.
     */
    public List<Outcome> retrieve(List<RequestedInstance> requests, Collection<String> transferSyntaxUids) {
        Set<String> accepted = Set.copyOf(transferSyntaxUids);
        var seriesCache = new HashMap<String, Map<String, InstanceRecord>>();
        var outcomes = new ArrayList<Outcome>(requests.size());
        for (RequestedInstance request : requests) {
            outcomes.add(retrieve(request, accepted, seriesCache));
        }
        return outcomes;
    }

    private Outcome retrieve(RequestedInstance request, Set<String> accepted,
                             Map<String, Map<String, InstanceRecord>> seriesCache) {
        String uid = request.documentUniqueId();
        if (!retrieveLocationUid.equals(request.repositoryUniqueId())) {
            return new Refused(request, RetrieveFailure.UNKNOWN_REPOSITORY, "RepositoryUniqueId "
                    + quoted(request.repositoryUniqueId()) + " is not this Imaging Document Source's "
                    + retrieveLocationUid);
        }
        Optional<String> malformed = malformed(request);
        if (malformed.isPresent()) {
            return new Refused(request, RetrieveFailure.INVALID_REQUEST, malformed.get());
        }
        InstanceRecord instance = seriesCache
                .computeIfAbsent(request.seriesInstanceUid(), this::instancesOfSeries).get(uid);
        if (instance == null || !instance.studyInstanceUid().equals(request.studyInstanceUid())) {
            return notFound(request);
        }
        boolean madeExplicit = !accepted.contains(instance.transferSyntaxUid())
                && accepted.contains(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid())
                && Transcoder.canMakeExplicit(instance.transferSyntaxUid());
        if (!accepted.contains(instance.transferSyntaxUid()) && !madeExplicit) {
            return new Refused(request, RetrieveFailure.TRANSFER_SYNTAX_NOT_REQUESTED, "instance " + uid
                    + " is stored in transfer syntax " + instance.transferSyntaxUid()
                    + ", which the TransferSyntaxUIDList does not name; only Implicit VR Little Endian is"
                    + " re-encoded (to Explicit VR Little Endian)");
        }
        Path file = store.file(instance.fileName());
        if (!Files.isReadable(file)) {
            LOG.warn("RAD-69: the file of an indexed instance cannot be read; DEBUG names it");
            LOG.debug("unreadable: {}", file);
            return new Refused(request, RetrieveFailure.INSTANCE_UNREADABLE, "instance " + uid
                    + " cannot be read from storage at the moment");
        }
        return new Retrieved(request, instance, file, madeExplicit);
    }

    // RAD TF-2 4.69.5: an instance is returned only under its own study and series (NIST ids_4812 cases 3, 4);
    // where it is instead is not said
    private Refused notFound(RequestedInstance request) {
        String uid = request.documentUniqueId();
        return index.instance(uid).isPresent()
                ? new Refused(request, RetrieveFailure.NOT_IN_REQUESTED_SERIES, "instance " + uid
                        + " is not in series " + request.seriesInstanceUid() + " of study "
                        + request.studyInstanceUid())
                : new Refused(request, RetrieveFailure.UNKNOWN_INSTANCE, "no instance " + uid + " is stored here");
    }

    private Map<String, InstanceRecord> instancesOfSeries(String seriesInstanceUid) {
        var bySopInstanceUid = new HashMap<String, InstanceRecord>();
        for (InstanceRecord instance : index.instancesOfSeries(seriesInstanceUid)) {
            bySopInstanceUid.put(instance.sopInstanceUid(), instance);
        }
        return bySopInstanceUid;
    }

    // RAD TF-2 4.69.4.1.2: studyInstanceUID, seriesInstanceUID and DocumentUniqueId are required UIDs (PS3.5 9.1)
    private static Optional<String> malformed(RequestedInstance request) {
        if (!Uids.isUid(request.studyInstanceUid())) {
            return Optional.of(describe("studyInstanceUID of the StudyRequest", request.studyInstanceUid()));
        }
        if (!Uids.isUid(request.seriesInstanceUid())) {
            return Optional.of(describe("seriesInstanceUID of the SeriesRequest", request.seriesInstanceUid()));
        }
        if (!Uids.isUid(request.documentUniqueId())) {
            return Optional.of(describe("DocumentUniqueId", request.documentUniqueId()));
        }
        return Optional.empty();
    }

    private static String describe(String what, String value) {
        return value.isEmpty() ? what + " is empty" : what + " " + quoted(value) + " is not a UID";
    }

    // a value that is not a UID is echoed cut to a UID's length: the answer stays small whatever was sent
    private static String quoted(String value) {
        return "'" + (value.length() > 64 ? value.substring(0, 64) + "..." : value) + "'";
    }
}
