// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.register;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.function.Supplier;

import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLFactory30;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLSubmitObjectsRequest30;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Association;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Folder;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.lcm.SubmitObjectsRequest;
import org.openehealth.ipf.commons.ihe.xds.core.transform.requests.RegisterDocumentSetTransformer;
import org.springframework.dao.DuplicateKeyException;

import net.imagingexchange.registry.patientfeed.PatientRegistry;
import net.imagingexchange.registry.store.RegistryStore;
import net.imagingexchange.registry.store.RegistryTransactions;
import net.imagingexchange.xds.domain.AffinityDomain;
import net.imagingexchange.xds.ebrim.EntryUuids;

/**
 * Registers a validated Register Document Set-b request (ITI TF-2 3.42.4.1.3): assigns entryUUIDs, checks the
 * registry rules and stores every object in one transaction, so a refused submission leaves nothing behind.
 */
public class SubmissionRegistrar {

    private static final DateTimeFormatter DTM = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final RegisterDocumentSetTransformer transformer = new RegisterDocumentSetTransformer(new EbXMLFactory30());
    private final RegistryStore store;
    private final RegistryTransactions transactions;
    private final SubmissionRules rules;
    private final Replacements replacements;
    private final EntryUuids entryUuids;
    private final Clock clock;

    /** Settings of the registration rules that come from configuration. */
    public record Policy(AffinityDomain domain, boolean enforceCodeSets) {
    }

    public SubmissionRegistrar(RegistryStore store, RegistryTransactions transactions, PatientRegistry patients,
                               Policy policy, Clock clock, Supplier<UUID> uuids) {
        this.store = store;
        this.transactions = transactions;
        this.rules = new SubmissionRules(store, patients, new CodeSetRule(policy.domain(), policy.enforceCodeSets()));
        this.replacements = new Replacements(store, uuids);
        this.entryUuids = new EntryUuids(uuids);
        this.clock = clock;
    }

    /**
     * Registers the submission; IPF's ITI-42 validator must have accepted it.
     *
     * @return the SubmissionSet's entryUUID.
     * @throws org.openehealth.ipf.commons.ihe.xds.core.XdsRuntimeException with the XDS error code of the first
     *         rule the submission breaks; nothing is stored then.
     */
    public String register(SubmitObjectsRequest request) {
        var assigned = entryUuids.assign(request);
        var model = transformer.fromEbXML(new EbXMLSubmitObjectsRequest30(request));
        var submission = new Submission(request, model, assigned.values());
        String now = DTM.format(clock.instant());
        try {
            return transactions.inTransaction(() -> {
                rules.check(submission);
                store(submission, now);
                replacements.apply(submission, now);
                return submission.submissionSet().getEntryUuid();
            });
        } catch (DuplicateKeyException e) {
            // a concurrent submission registered the same SubmissionSet or Folder uniqueId first
            throw RegistryErrors.error(ErrorCode.DUPLICATE_UNIQUE_ID_IN_REGISTRY,
                    "SubmissionSet or Folder uniqueId was registered concurrently by another submission");
        }
    }

    private void store(Submission submission, String now) {
        store.insert(SubmissionRows.submissionSet(submission));
        for (DocumentEntry entry : submission.documentEntries()) {
            store.insert(SubmissionRows.documentEntry(submission, entry));
        }
        for (Folder folder : submission.folders()) {
            store.insert(SubmissionRows.folder(submission, folder, now));
        }
        for (Association association : submission.associations()) {
            store.insert(SubmissionRows.association(submission, association));
        }
    }
}
