// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.net;

/** A-ABORT sources and service-provider reasons (PS3.8 9.3.8, Table 9-26). */
final class Abort {

    static final int SOURCE_SERVICE_USER = 0;
    static final int SOURCE_SERVICE_PROVIDER = 2;

    static final int REASON_NOT_SPECIFIED = 0;
    static final int UNRECOGNIZED_PDU = 1;
    static final int UNEXPECTED_PDU = 2;
    static final int UNEXPECTED_PDU_PARAMETER = 5;
    static final int INVALID_PDU_PARAMETER_VALUE = 6;

    /** The reason for a PDU that may not come now: unrecognized if its type is none of PS3.8 9.3.1's seven. */
    static int outOfPlace(int pduType) {
        return pduType >= Pdus.ASSOCIATE_RQ && pduType <= Pdus.ABORT ? UNEXPECTED_PDU : UNRECOGNIZED_PDU;
    }

    private Abort() {
    }
}
