// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.query;

import javax.sql.DataSource;

import org.openehealth.ipf.commons.ihe.xds.core.requests.QueryRegistry;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.query.AdhocQueryResponse;

import net.imagingexchange.registry.patientfeed.PatientRegistry;
import net.imagingexchange.registry.store.RegistryStore;

/** Executes the stored queries of ITI TF-2 3.18.4.1.2.3.7 against the registry's database. */
public class StoredQueryService {

    private final DataSource dataSource;
    private final RegistryStore store;
    private final PatientRegistry patients;
    private final int maxResults;

    public StoredQueryService(DataSource dataSource, RegistryStore store, PatientRegistry patients, int maxResults) {
        this.dataSource = dataSource;
        this.store = store;
        this.patients = patients;
        this.maxResults = maxResults;
    }

    /** Runs the query; failures are thrown as IPF exceptions carrying their XDS error code. */
    public AdhocQueryResponse query(QueryRegistry request) {
        throw new UnsupportedOperationException("TODO(helper): stored queries");
    }
}
