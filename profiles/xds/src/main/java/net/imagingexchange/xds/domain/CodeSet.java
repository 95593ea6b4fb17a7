// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.xds.domain;

import java.util.List;

/**
 * The codes an affinity domain allows for one attribute.
 *
 * @param codes   the allowed (code, codingScheme) pairs, with the display name sources should send.
 * @param schemes coding schemes of which every code is allowed (e.g. SNOMED CT for anatomic regions).
 */
public record CodeSet(List<AllowedCode> codes, List<String> schemes) {

    /** One allowed code. */
    public record AllowedCode(String code, String scheme, String display) {
    }

    public CodeSet {
        codes = codes == null ? List.of() : List.copyOf(codes);
        schemes = schemes == null ? List.of() : List.copyOf(schemes);
    }

    public boolean allows(String code, String scheme) {
        return schemes.contains(scheme)
                || codes.stream().anyMatch(c -> c.code().equals(code) && c.scheme().equals(scheme));
    }
}
