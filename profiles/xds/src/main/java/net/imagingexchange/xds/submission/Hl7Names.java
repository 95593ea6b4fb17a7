// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.xds.submission;

import java.util.Optional;

import org.openehealth.ipf.commons.ihe.xds.core.metadata.XpnName;

/** DICOM patient demographics as the HL7 v2.5 PID fields of sourcePatientInfo (ITI TF-3 4.2.3.2.24). */
public final class Hl7Names {

    private Hl7Names() {
    }

    /**
     * PID-5 from a DICOM PN. PS3.5 6.2.1: {@code family^given^middle^prefix^suffix}, then ideographic and
     * phonetic groups after {@code =}; HL7 XPN: {@code family^given^middle^suffix^prefix}: the last two components
     * swap, and only the alphabetic group is kept. Empty when the name is.
     */
    public static Optional<XpnName> xpn(String personName) {
        String alphabetic = personName == null ? "" : personName.split("=", -1)[0];
        String[] c = alphabetic.split("\\^", -1);
        String family = component(c, 0);
        String given = component(c, 1);
        String middle = component(c, 2);
        String prefix = component(c, 3);
        String suffix = component(c, 4);
        if ((family + given + middle + prefix + suffix).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new XpnName(family, given, middle, suffix, prefix, null));
    }

    /** PID-8 (HL7 table 0001) from Patient's Sex (0010,0040): M, F and O alike, U when empty or unknown. */
    public static String administrativeSex(String dicomSex) {
        String sex = dicomSex == null ? "" : dicomSex.strip();
        return switch (sex) {
            case "M", "F", "O" -> sex;
            default -> "U";
        };
    }

    private static String component(String[] components, int index) {
        return index < components.length ? components[index].strip() : "";
    }
}
