// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.provide;

import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.lcm.SubmitObjectsRequest;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rs.RegistryResponseType;

/** The Document Registry as the repository sees it: ITI-42 Register Document Set-b (ITI TF-2 3.42). */
public interface RegistryClient {

    /**
     * Registers the metadata of a submission whose documents the repository has stored.
     *
     * @return the registry's answer, errors included.
     * @throws RegistryUnavailableException when the registry cannot be reached or does not answer in time.
     */
    RegistryResponseType register(SubmitObjectsRequest request) throws RegistryUnavailableException;
}
