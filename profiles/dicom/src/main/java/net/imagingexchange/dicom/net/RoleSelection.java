// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.net;

/**
 * An SCP/SCU Role Selection sub-item (PS3.7 D.3.3.4): the roles the requestor proposes for one SOP class, or the
 * roles the acceptor accepts. Without one, the requestor is SCU and the acceptor SCP.
 *
 * @param sopClassUid the SOP class the roles are for.
 * @param scu         the requestor acts as SCU.
 * @param scp         the requestor acts as SCP (the acceptor then performs operations, as for C-GET's C-STOREs).
 */
public record RoleSelection(String sopClassUid, boolean scu, boolean scp) {

    /**
     * This acceptor's answer: it accepts the requestor as SCU if proposed, and never as SCP, since it performs no
     * operation on an association it accepted (C-GET is not implemented).
     */
    RoleSelection answer() {
        return new RoleSelection(sopClassUid, scu, false);
    }
}
