// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.net;

import net.imagingexchange.dicom.VR;
import net.imagingexchange.dicom.data.Attributes;

/** DIMSE command elements (PS3.7 E.1) and responses (PS3.7 9.3). */
final class Dimse {

    static final int AFFECTED_SOP_CLASS_UID = 0x00000002;
    static final int COMMAND_FIELD = 0x00000100;
    static final int MESSAGE_ID = 0x00000110;
    static final int MESSAGE_ID_BEING_RESPONDED_TO = 0x00000120;
    static final int COMMAND_DATA_SET_TYPE = 0x00000800;
    static final int STATUS = 0x00000900;
    static final int ERROR_COMMENT = 0x00000902;
    static final int AFFECTED_SOP_INSTANCE_UID = 0x00001000;
    static final int NO_DATA_SET = 0x0101;

    private Dimse() {
    }

    /** The response to {@code request}: same SOP class and instance, its message id, no data set. */
    static Attributes response(Attributes request, int commandField, int status) {
        var response = new Attributes();
        String sopClass = request.getString(AFFECTED_SOP_CLASS_UID);
        if (sopClass != null) {
            response.setString(AFFECTED_SOP_CLASS_UID, VR.UI, sopClass);
        }
        response.setInt(COMMAND_FIELD, VR.US, commandField);
        response.setInt(MESSAGE_ID_BEING_RESPONDED_TO, VR.US, request.getInt(MESSAGE_ID, 0));
        response.setInt(COMMAND_DATA_SET_TYPE, VR.US, NO_DATA_SET);
        response.setInt(STATUS, VR.US, status);
        String sopInstance = request.getString(AFFECTED_SOP_INSTANCE_UID);
        if (sopInstance != null) {
            response.setString(AFFECTED_SOP_INSTANCE_UID, VR.UI, sopInstance);
        }
        return response;
    }
}
