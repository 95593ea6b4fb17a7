// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.provide;

import java.util.Collection;
import java.util.Map;

import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.lcm.SubmitObjectsRequest;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rs.RegistryResponseType;

/** The Document Registry as the repository sees it. */
public interface RegistryClient {

    /**
     * ITI-42 Register Document Set-b (ITI TF-2 3.42): registers the metadata of a submission whose documents the
     * repository has stored.
     *
     * @return the registry's answer, errors included.
     * @throws RegistryUnavailableException when the registry cannot be reached or does not answer in time.
     */
    RegistryResponseType register(SubmitObjectsRequest request) throws RegistryUnavailableException;

    /**
     * ITI-18 GetDocuments (ITI TF-2 3.18.4.1.2.3.7.5) by uniqueId, whatever the entries' status: which of these
     * documents the registry holds, with the hash it holds them with. Settles a registration whose answer was lost.
     *
     * @return uniqueId to hash (lowercase) of every DocumentEntry found.
     */
    Map<String, String> registeredHashes(Collection<String> documentUniqueIds) throws RegistryUnavailableException;
}
