// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.send;

/**
 * An instance of the study that a job's last attempt did not deliver, and why.
 *
 * @param stage  RETRIEVE: not had from the region; SEND: had, but the destination did not take it.
 * @param code   the destination's own code when it gave one: a C-STORE status ({@code 0xA700}), an HTTP status
 *               ({@code HTTP 409}) or a STOW-RS Failure Reason ({@code FailureReason 0xC122}); else empty.
 * @param reason for people.
 */
public record InstanceFailure(String seriesInstanceUid, String sopInstanceUid, Stage stage, String code,
                              String reason) {

    public enum Stage { RETRIEVE, SEND }
}
