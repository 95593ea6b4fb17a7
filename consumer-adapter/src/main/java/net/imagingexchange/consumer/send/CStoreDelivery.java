// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.send;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.imagingexchange.dicom.net.AssociationRejectedException;
import net.imagingexchange.dicom.net.PresentationContext;
import net.imagingexchange.dicom.net.RequestedAssociation;
import net.imagingexchange.dicom.net.RequestorSettings;
import net.imagingexchange.dicom.net.DimseStatus;
import net.imagingexchange.dicom.net.StoreScu;

/**
 * C-STORE SCU to a DICOM destination (PS3.4 B): one association proposing exactly the (SOP class, transfer syntax)
 * pairs of the instances, one presentation context each, so that every instance goes in the syntax it is stored
 * in and its data set byte for byte. An instance whose context the SCP refused fails with that reason: nothing is
 * transcoded.
 */
public final class CStoreDelivery implements Delivery {

    /** PS3.8 9.3.2.2: presentation context IDs are odd numbers 1-255, so at most 128 per association. */
    private static final int MAX_CONTEXTS = 128;
    private static final int MAX_PDU_LENGTH = 256 * 1024;

    private final Duration connectTimeout;
    private final Duration responseTimeout;

    public CStoreDelivery(Duration connectTimeout, Duration responseTimeout) {
        this.connectTimeout = connectTimeout;
        this.responseTimeout = responseTimeout;
    }

    private record Pair(String sopClassUid, String transferSyntaxUid) {
    }

    @Override
    public void deliver(Destination destination, List<SpooledInstance> instances, Progress progress)
            throws DestinationException, IOException {
        Map<Pair, List<SpooledInstance>> byPair = new LinkedHashMap<>();
        instances.forEach(i -> byPair.computeIfAbsent(new Pair(i.sopClassUid(), i.transferSyntaxUid()),
                p -> new ArrayList<>()).add(i));
        List<Pair> pairs = List.copyOf(byPair.keySet());
        // more pairs than one association can propose: one association per 128 of them
        for (int from = 0; from < pairs.size(); from += MAX_CONTEXTS) {
            var group = new LinkedHashMap<Pair, List<SpooledInstance>>();
            pairs.subList(from, Math.min(pairs.size(), from + MAX_CONTEXTS)).forEach(p -> group.put(p, byPair.get(p)));
            deliver(destination, group, progress);
        }
    }

    private void deliver(Destination destination, Map<Pair, List<SpooledInstance>> group, Progress progress)
            throws DestinationException, IOException {
        List<PresentationContext> proposed = new ArrayList<>();
        int id = 1;
        for (Pair pair : group.keySet()) {
            proposed.add(new PresentationContext(id, pair.sopClassUid(), List.of(pair.transferSyntaxUid()), -1));
            id += 2;
        }
        var settings = new RequestorSettings(destination.callingAeTitle(), destination.calledAeTitle(),
                MAX_PDU_LENGTH, connectTimeout, responseTimeout);
        var address = new InetSocketAddress(destination.host(), destination.port());
        RequestedAssociation association;
        try {
            association = RequestedAssociation.open(address, settings, proposed);
        } catch (AssociationRejectedException e) {
            throw new DestinationException(destination.describe() + " rejected the association (PS3.8 9.3.4: "
                    + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new DestinationException(destination.describe() + " could not be reached: " + describe(e), e);
        }
        int stored = 0;
        try (association) {
            for (var entry : group.entrySet()) {
                Pair pair = entry.getKey();
                boolean accepted = association.accepted().stream().anyMatch(c -> c.abstractSyntax()
                        .equals(pair.sopClassUid()) && c.transferSyntax().equals(pair.transferSyntaxUid()));
                for (SpooledInstance instance : entry.getValue()) {
                    if (!accepted) {
                        progress.failed(instance, "", destination.describe() + " did not accept SOP class "
                                + pair.sopClassUid() + " in transfer syntax " + pair.transferSyntaxUid()
                                + " (presentation context refused; instances are sent as stored, not transcoded)");
                        continue;
                    }
                    DimseStatus answer = StoreScu.send(association, instance.file());
                    stored++;
                    if (answer.successOrWarning()) {
                        progress.delivered(instance);
                    } else {
                        progress.failed(instance, answer.hex(), destination.describe()
                                + " answered C-STORE status " + answer.hex() + " ("
                                + answer.meaning() + (answer.errorComment() == null ? ""
                                : ": " + answer.errorComment()) + ")");
                    }
                }
            }
        } catch (IOException e) {
            throw new DestinationException("the association with " + destination.describe() + " broke off after "
                    + stored + " C-STORE requests: " + describe(e), e);
        }
    }

    /** An I/O failure for people: {@code ConnectException: Connection refused}. */
    static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
