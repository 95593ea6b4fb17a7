// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.xds.domain;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * An XDS affinity domain (ITI TF-1 10.4.1): the assigning authority of the regional patient ID and the value sets
 * of the coded metadata. Loaded from one YAML file that a region replaces with its own.
 *
 * @param name                         human-readable name of the domain.
 * @param patientIdAssigningAuthority  OID of the regional patient ID (CX.4 {@code &OID&ISO}).
 * @param codes                        value sets; an attribute without an entry accepts any code.
 */
public record AffinityDomain(String name, String patientIdAssigningAuthority, Map<CodedAttribute, CodeSet> codes) {

    private static final Pattern OID = Pattern.compile("[0-2](\\.(0|[1-9][0-9]*))+");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public AffinityDomain {
        if (patientIdAssigningAuthority == null || !OID.matcher(patientIdAssigningAuthority).matches()) {
            throw new IllegalArgumentException("affinity domain: patientIdAssigningAuthority must be an OID, was "
                    + patientIdAssigningAuthority);
        }
        codes = codes == null || codes.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(codes));
    }

    /** Reads the YAML form; the caller closes {@code yaml}. */
    public static AffinityDomain read(InputStream yaml) throws IOException {
        return YAML.readValue(yaml, AffinityDomain.class);
    }

    /** The value set of {@code attribute}, or empty when the domain leaves it open. */
    public Optional<CodeSet> codeSet(CodedAttribute attribute) {
        return Optional.ofNullable(codes.get(attribute));
    }

    /** True when a CX patient ID ({@code id^^^&OID&ISO}) belongs to this domain. */
    public boolean ownsPatientId(String cx) {
        return cx != null && cx.endsWith("^^^&" + patientIdAssigningAuthority + "&ISO") && cx.indexOf('^') > 0;
    }
}
