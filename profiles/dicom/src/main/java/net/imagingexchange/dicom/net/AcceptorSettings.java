// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.net;

import java.time.Duration;
import java.util.Set;

/**
 * How an SCP accepts associations.
 *
 * @param aeTitle          its AE title: a request calling another one is rejected (PS3.8 9.3.4, reason 7).
 * @param abstractSyntaxes the SOP classes it accepts besides Verification; empty accepts every one.
 * @param maxPduLength     the largest P-DATA-TF it receives (advertised in the A-ASSOCIATE-AC).
 * @param artimTimeout     how long a connection may take to send its A-ASSOCIATE-RQ (PS3.8 9.1.5).
 * @param idleTimeout      how long an association may stay silent.
 * @param maxAssociations  associations served at once; more are rejected as transient (local limit exceeded).
 */
public record AcceptorSettings(String aeTitle, Set<String> abstractSyntaxes, int maxPduLength, Duration artimTimeout,
                               Duration idleTimeout, int maxAssociations) {

    public static final String VERIFICATION = "1.2.840.10008.1.1";

    /** Accepts every SOP class, 256 KiB PDUs, 10 s ARTIM, 60 s idle, 32 associations. */
    public static AcceptorSettings defaults(String aeTitle) {
        return new AcceptorSettings(aeTitle, Set.of(), 256 * 1024, Duration.ofSeconds(10), Duration.ofSeconds(60),
                32);
    }

    boolean accepts(String abstractSyntax) {
        return VERIFICATION.equals(abstractSyntax) || abstractSyntaxes.isEmpty()
                || abstractSyntaxes.contains(abstractSyntax);
    }
}
