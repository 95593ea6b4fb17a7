// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.query;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import net.imagingexchange.registry.patientfeed.PatientRegistry;
import net.imagingexchange.registry.query.ConformanceSet.QueryCase;
import net.imagingexchange.registry.testing.RegistryComponentTest;

/**
 * Runs the stored-query conformance set (conformance/iti18-cases.yaml) against a registry on a random port with the
 * default result limit: registers the set's world over ITI-42, then sends each case over ITI-18.
 */
@RegistryComponentTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoredQueryConformanceTest {

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
        return SET.casesFor(null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersAsTheConformanceSetExpects(QueryCase queryCase) {
        world.check(queryCase);
    }
}
