// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.query;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import net.imagingexchange.registry.RegistryApplication;
import net.imagingexchange.registry.testing.TestDatabase;

/**
 * The stored-query conformance cases that need a registry whose result limit is {@link #LIMIT} objects
 * (ITI TF-3 Table 4.2.4.1-2 XDSTooManyResults).
 */
@SpringBootTest(classes = RegistryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"registry.patient-feed-port=-1", "exchange.audit.enabled=false",
                "registry.max-query-results=" + StoredQueryResultLimitTest.LIMIT})
@ContextConfiguration(initializers = TestDatabase.class)
class StoredQueryResultLimitTest extends StoredQueryCases {

    static final int LIMIT = 2;

    @Override
    Integer limit() {
        return LIMIT;
    }
}
