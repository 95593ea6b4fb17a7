// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.register;

import static net.imagingexchange.registry.register.RegistryErrors.error;

import java.util.List;

import org.openehealth.ipf.commons.ihe.xds.core.metadata.Code;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Folder;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;

import net.imagingexchange.xds.domain.AffinityDomain;
import net.imagingexchange.xds.domain.CodedAttribute;

/**
 * Refuses codes outside the affinity domain's value sets (DESIGN.md 5; ITI TF-3 4.2.3.1.2 leaves the value sets to
 * the affinity domain). Disabled, it accepts every code.
 */
class CodeSetRule {

    private final AffinityDomain domain;
    private final boolean enabled;

    CodeSetRule(AffinityDomain domain, boolean enabled) {
        this.domain = domain;
        this.enabled = enabled;
    }

    void check(Submission submission) {
        if (!enabled) {
            return;
        }
        var set = submission.submissionSet();
        check(CodedAttribute.contentTypeCode, one(set.getContentTypeCode()), "SubmissionSet",
                set.getEntryUuid());
        for (DocumentEntry entry : submission.documentEntries()) {
            String id = entry.getEntryUuid();
            check(CodedAttribute.classCode, one(entry.getClassCode()), "DocumentEntry", id);
            check(CodedAttribute.typeCode, one(entry.getTypeCode()), "DocumentEntry", id);
            check(CodedAttribute.formatCode, one(entry.getFormatCode()), "DocumentEntry", id);
            check(CodedAttribute.practiceSettingCode, one(entry.getPracticeSettingCode()),
                    "DocumentEntry", id);
            check(CodedAttribute.healthcareFacilityTypeCode, one(entry.getHealthcareFacilityTypeCode()),
                    "DocumentEntry", id);
            check(CodedAttribute.confidentialityCode, entry.getConfidentialityCodes(), "DocumentEntry", id);
            check(CodedAttribute.eventCodeList, entry.getEventCodeList(), "DocumentEntry", id);
        }
        for (Folder folder : submission.folders()) {
            check(CodedAttribute.folderCodeList, folder.getCodeList(), "Folder", folder.getEntryUuid());
        }
    }

    private void check(CodedAttribute attribute, List<Code> codes, String objectKind, String entryUuid) {
        var codeSet = domain.codeSet(attribute);
        if (codeSet.isEmpty()) {
            return;
        }
        for (Code code : codes) {
            if (code != null && !codeSet.get().allows(code.getCode(), code.getSchemeName())) {
                throw error(ErrorCode.REGISTRY_METADATA_ERROR, attribute + " '" + code.getCode() + "^^"
                        + code.getSchemeName() + "' of " + objectKind + " " + entryUuid
                        + " is not in the value set of the affinity domain '" + domain.name() + "'");
            }
        }
    }

    private static List<Code> one(Code code) {
        return code == null ? List.of() : List.of(code);
    }
}
