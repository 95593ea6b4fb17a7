// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.send;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.data.Attributes;
import net.imagingexchange.dicom.data.Sequence;
import net.imagingexchange.dicom.net.DimseStatus;
import net.imagingexchange.dicom.web.DicomJsonReader;

/**
 * A STOW-RS response's Store Instances Response Module (PS3.18 10.5.3, Annex I): the instances stored (Referenced
 * SOP Sequence) and those that failed with their Failure Reason (Failed SOP Sequence).
 *
 * @param failed SOP Instance UID to its Failure Reason (PS3.18 I.2.2), -1 when the item has none.
 */
record StowResponse(Set<String> stored, Map<String, Integer> failed) {

    /** A response that says nothing about instances (no body, or not DICOM JSON). */
    static final StowResponse SILENT = new StowResponse(Set.of(), Map.of());

    StowResponse {
        stored = Set.copyOf(stored);
        failed = Map.copyOf(failed);
    }

    /** @throws IOException when the body is not a DICOM JSON object (PS3.18 F.2). */
    static StowResponse parse(byte[] body) throws IOException {
        Attributes module = new DicomJsonReader(new ByteArrayInputStream(body), null).readDataset();
        var stored = new HashSet<String>();
        for (Attributes item : items(module.getSequence(Tag.REFERENCED_SOP_SEQUENCE))) {
            String uid = item.getString(Tag.REFERENCED_SOP_INSTANCE_UID);
            if (uid != null) {
                stored.add(uid);
            }
        }
        var failed = new HashMap<String, Integer>();
        for (Attributes item : items(module.getSequence(Tag.FAILED_SOP_SEQUENCE))) {
            String uid = item.getString(Tag.REFERENCED_SOP_INSTANCE_UID);
            if (uid != null) {
                failed.put(uid, item.getInt(Tag.FAILURE_REASON, -1));
            }
        }
        return new StowResponse(stored, failed);
    }

    boolean namesAny() {
        return !stored.isEmpty() || !failed.isEmpty();
    }

    /** PS3.18 I.2.2 Failure Reason values. */
    static String meaning(int reason) {
        if (reason < 0) {
            return "no Failure Reason given";
        }
        if (reason == 0xC122) {
            return "Referenced Transfer Syntax not supported";
        }
        return DimseStatus.meaning(reason);
    }

    static String hex(int reason) {
        return reason < 0 ? "" : String.format(Locale.ROOT, "FailureReason 0x%04X", reason);
    }

    private static Iterable<Attributes> items(Sequence sequence) {
        return sequence == null ? List.of() : sequence.items();
    }
}
