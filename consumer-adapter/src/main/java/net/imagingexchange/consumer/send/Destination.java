// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.send;

import java.net.URI;
import java.util.Objects;

/**
 * A node of the reading site that studies are pushed to: a C-STORE SCP (PS3.4 B) or a STOW-RS origin server
 * (PS3.18 10.5).
 *
 * @param name           how requests and jobs name it.
 * @param host           DICOM only, else empty.
 * @param port           DICOM only, else 0.
 * @param calledAeTitle  DICOM only, else empty.
 * @param callingAeTitle DICOM only, else empty.
 * @param stowUrl        DICOMweb only, else null: the studies resource POSTed to.
 * @param retry          its retry policy.
 */
public record Destination(String name, Type type, String host, int port, String calledAeTitle,
                          String callingAeTitle, URI stowUrl, SendProperties.Retry retry) {

    public enum Type { DICOM, DICOMWEB }

    /** PS3.5 6.2: an AE title is 1 to 16 characters of the default repertoire, not all spaces, without backslash. */
    private static final int AE_TITLE_LENGTH = 16;

    public Destination {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type of destination " + name);
        Objects.requireNonNull(retry, "retry");
        if (name.isBlank() || !name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_'
                || c == '.')) {
            throw new IllegalArgumentException("destination name \"" + name + "\" must be letters, digits, '-', '_'"
                    + " or '.'");
        }
        if (type == Type.DICOM) {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("DICOM destination " + name + " needs a host");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("DICOM destination " + name + " has port " + port);
            }
            checkAeTitle(name, "called-ae-title", calledAeTitle);
            checkAeTitle(name, "calling-ae-title", callingAeTitle);
        } else {
            if (stowUrl == null || !("http".equals(stowUrl.getScheme()) || "https".equals(stowUrl.getScheme()))) {
                throw new IllegalArgumentException("DICOMweb destination " + name + " needs the http(s) URL of its "
                        + "STOW-RS studies resource, not " + stowUrl);
            }
        }
    }

    /** A C-STORE SCP. */
    public static Destination dicom(String name, String host, int port, String calledAeTitle, String callingAeTitle,
                                    SendProperties.Retry retry) {
        return new Destination(name, Type.DICOM, host, port, calledAeTitle, callingAeTitle, null, retry);
    }

    /** A STOW-RS origin server, by its studies resource. */
    public static Destination dicomWeb(String name, URI stowUrl, SendProperties.Retry retry) {
        return new Destination(name, Type.DICOMWEB, "", 0, "", "", stowUrl, retry);
    }

    /** For people: {@code 'pacs' (C-STORE to PACS@10.1.2.3:104)}. */
    public String describe() {
        return "'" + name + "' (" + (type == Type.DICOM ? "C-STORE to " + calledAeTitle + "@" + host + ":" + port
                : "STOW-RS to " + stowUrl) + ")";
    }

    private static void checkAeTitle(String name, String what, String aeTitle) {
        if (aeTitle == null || aeTitle.isBlank() || aeTitle.length() > AE_TITLE_LENGTH
                || !aeTitle.chars().allMatch(c -> c >= 0x20 && c < 0x7F && c != '\\')) {
            throw new IllegalArgumentException("DICOM destination " + name + " has " + what + " \"" + aeTitle
                    + "\": an AE title is 1 to 16 printable ASCII characters without backslash (PS3.5 6.2)");
        }
    }
}
