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

/**
 * Runs the cases of the stored-query conformance set (conformance/iti18-cases.yaml) that belong to one result limit:
 * registers the set's world over ITI-42, then sends each case over ITI-18.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoredQueryCases {

    private static final ConformanceSet SET = ConformanceSet.load();

    @LocalServerPort
    int port;

    @Autowired
    PatientRegistry patients;

    private ConformanceWorld world;

    /** The {@code registry.max-query-results} of the subclass's context, or null for the default. */
    abstract Integer limit();

    @BeforeAll
    void registerWorld() {
        world = new ConformanceWorld(SET, patients, port);
        world.register();
    }

    List<QueryCase> cases() {
        return SET.casesFor(limit());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersAsTheConformanceSetExpects(QueryCase queryCase) {
        world.check(queryCase);
    }
}
