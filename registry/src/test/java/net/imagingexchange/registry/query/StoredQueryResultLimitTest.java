// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.query;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import net.imagingexchange.registry.RegistryApplication;
import net.imagingexchange.registry.patientfeed.PatientRegistry;
import net.imagingexchange.registry.query.ConformanceSet.QueryCase;
import net.imagingexchange.registry.testing.TestDatabase;

/**
 * Runs the cases of the stored-query conformance set (conformance/iti18-cases.yaml) that need a registry whose
 * result limit is {@link #LIMIT} objects (ITI TF-3 Table 4.2.4.1-2 XDSTooManyResults).
 */
@SpringBootTest(classes = RegistryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"registry.patient-feed-port=-1", "exchange.audit.enabled=false",
                "registry.max-query-results=" + StoredQueryResultLimitTest.LIMIT})
@ContextConfiguration(initializers = TestDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoredQueryResultLimitTest {

    static final int LIMIT = 2;
    private static final ConformanceSet SET = ConformanceSet.load();

    @LocalServerPort
    int port;

    @Autowired
    PatientRegistry patients;

    private ConformanceWorld world;

    @BeforeAll
    void registerWorld() {
        world = new ConformanceWorld(SET, patients, port);
        world.register();
    }

    List<QueryCase> cases() {
        return SET.casesFor(LIMIT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersWithinTheLimitOrFailsWithTooManyResults(QueryCase queryCase) {
        world.check(queryCase);
    }
}
