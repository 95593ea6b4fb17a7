// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.http.HttpStatus;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.VR;
import net.imagingexchange.dicom.data.Attributes;
import net.imagingexchange.dicom.data.Sequence;
import net.imagingexchange.dicom.net.StoreHandler;

/**
 * The outcome of one STOW-RS request, part by part, and what it becomes on the wire: the Store Instances Response
 * Module (PS3.18 Annex I, Table I.1-1) and the status of PS3.18 Table 10.5.3-1.
 */
final class StoreInstancesResponse {

    /** Failure Reason (PS3.18 I.2.2): processing failure, e.g. the index could not be written. */
    static final int PROCESSING_FAILURE = 0x0110;

    /** A stored instance and where it can be retrieved. */
    record Stored(String sopClassUid, String sopInstanceUid, String studyInstanceUid, String retrieveUrl) {
    }

    /** A part that was not stored; the UIDs are null when the part did not say them. */
    record Failed(String sopClassUid, String sopInstanceUid, int failureReason, String reason) {
    }

    private final List<Stored> stored = new ArrayList<>();
    private final List<Failed> failed = new ArrayList<>();
    private boolean malformedBody;

    void stored(Stored instance) {
        stored.add(instance);
    }

    void failed(Failed part) {
        failed.add(part);
    }

    /** The body's multipart framing broke, inside the part of these UIDs if known: no further part is read. */
    void malformedBody(String sopClassUid, String sopInstanceUid, String reason) {
        malformedBody = true;
        failed.add(new Failed(sopClassUid, sopInstanceUid, StoreHandler.CANNOT_UNDERSTAND, reason));
    }

    List<Stored> storedInstances() {
        return List.copyOf(stored);
    }

    List<Failed> failures() {
        return List.copyOf(failed);
    }

    /**
     * PS3.18 Table 10.5.3-1: 200 all stored; 202 some stored, others failed; 400 none stored because the body is
     * malformed; 409 none stored for the instances' own reasons (conflicts, unreadable data sets); 507 none stored
     * because storage itself failed (every failure out of resources, A7xx).
     */
    HttpStatus status() {
        if (failed.isEmpty()) {
            return HttpStatus.OK;
        }
        if (!stored.isEmpty()) {
            return HttpStatus.ACCEPTED;
        }
        if (malformedBody) {
            return HttpStatus.BAD_REQUEST;
        }
        boolean storageFailed = failed.stream().allMatch(f -> (f.failureReason() & 0xFF00) == 0xA700);
        return storageFailed ? HttpStatus.INSUFFICIENT_STORAGE : HttpStatus.CONFLICT;
    }

    /**
     * The Store Instances Response Module. Retrieve URL (type 2) is the study's when every stored instance, or the
     * request URL, names one study, and empty otherwise.
     */
    Attributes module(DicomWebUrls urls, String requestStudy) {
        var module = new Attributes();
        String study = requestStudy != null ? requestStudy : onlyStudy();
        module.setString(Tag.RETRIEVE_URL, VR.UR, study == null ? "" : urls.study(study));
        if (!failed.isEmpty()) {
            Sequence items = module.newSequence(Tag.FAILED_SOP_SEQUENCE);
            for (Failed f : failed) {
                Attributes item = items.addItem();
                if (f.sopClassUid() != null) {
                    item.setString(Tag.REFERENCED_SOP_CLASS_UID, VR.UI, f.sopClassUid());
                }
                if (f.sopInstanceUid() != null) {
                    item.setString(Tag.REFERENCED_SOP_INSTANCE_UID, VR.UI, f.sopInstanceUid());
                }
                item.setInt(Tag.FAILURE_REASON, VR.US, f.failureReason());
            }
        }
        if (!stored.isEmpty()) {
            Sequence items = module.newSequence(Tag.REFERENCED_SOP_SEQUENCE);
            for (Stored s : stored) {
                Attributes item = items.addItem();
                item.setString(Tag.REFERENCED_SOP_CLASS_UID, VR.UI, s.sopClassUid());
                item.setString(Tag.REFERENCED_SOP_INSTANCE_UID, VR.UI, s.sopInstanceUid());
                item.setString(Tag.RETRIEVE_URL, VR.UR, s.retrieveUrl());
            }
        }
        return module;
    }

    private String onlyStudy() {
        List<String> studies = stored.stream().map(Stored::studyInstanceUid).distinct().toList();
        return studies.size() == 1 ? Objects.requireNonNull(studies.get(0)) : null;
    }
}
