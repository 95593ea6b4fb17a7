// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import net.imagingexchange.registry.patientfeed.PatientRegistry;
import net.imagingexchange.registry.query.ConformanceSet.Expected;
import net.imagingexchange.registry.query.ConformanceSet.QueryCase;
import net.imagingexchange.registry.query.ConformanceSet.Registration;
import net.imagingexchange.registry.testing.RegistryComponentTest;

/** ITI TF-2 3.8.4.2: after an ADT A40 merge, queries find the subsumed ID's entries under the surviving ID only. */
@RegistryComponentTest
class MergedPatientQueryTest {

    private static final String DOCUMENT_ENTRY_PATIENT_ID = "urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427";

    @LocalServerPort
    int port;

    @Autowired
    PatientRegistry patients;

    private ConformanceWorld world;

    @BeforeEach
    void registerTwoPatientsAndMergeThem() {
        var set = ConformanceSet.load();
        world = new ConformanceWorld(new ConformanceSet(set.queries(), set.constants(), List.of(
                study("patientSubsumed", "subsumed"), study("patientSurviving", "surviving")), List.of()),
                patients, port);
        world.register();
        patients.merge(world.variable("patientSubsumed"), world.variable("patientSurviving"));
    }

    @Test
    void survivingPatientIdFindsTheEntriesOfTheSubsumedOne() {
        var findDocuments = findDocuments("patientSurviving");
        world.check(findDocuments.apply(new Expected("Success", null, 2, null, null, null, null,
                List.of("subsumedDocUuid", "survivingDocUuid"))));

        var answer = world.query(findDocuments.apply(null));
        assertThat(answer.values("//rim:ExtrinsicObject/rim:ExternalIdentifier[@identificationScheme='"
                + DOCUMENT_ENTRY_PATIENT_ID + "']/@value"))
                .containsOnly(world.variable("patientSurviving")).hasSize(2);
    }

    @Test
    void subsumedPatientIdFindsNothing() {
        world.check(findDocuments("patientSubsumed").apply(new Expected("Success", null, null, null, null, null,
                null, List.of())));
        world.check(new QueryCase("FindSubmissionSets for the subsumed ID", "FindSubmissionSets", null, null,
                List.of(List.of("$XDSSubmissionSetPatientId", "'${patientSubsumed}'"),
                        List.of("$XDSSubmissionSetStatus", "('${approved}')")),
                new Expected("Success", null, null, null, null, null, null, List.of())));
    }

    @Test
    void getAllForTheSurvivingIdReturnsBothSubmissions() {
        world.check(new QueryCase("GetAll for the surviving ID", "GetAll", null, null, List.of(
                List.of("$patientId", "'${patientSurviving}'"),
                List.of("$XDSDocumentEntryStatus", "('${approved}')"),
                List.of("$XDSSubmissionSetStatus", "('${approved}')"),
                List.of("$XDSFolderStatus", "('${approved}')")),
                new Expected("Success", null, 2, 2, null, 2, null, null)));
    }

    private Function<Expected, QueryCase> findDocuments(String patient) {
        return expected -> new QueryCase("FindDocuments for " + patient, "FindDocuments", null, null, List.of(
                List.of("$XDSDocumentEntryPatientId", "'${" + patient + "}'"),
                List.of("$XDSDocumentEntryStatus", "('${approved}')")), expected);
    }

    private static Registration study(String patient, String prefix) {
        return new Registration("iti42/ct-study.xml", Map.of("patientId", patient, "docUuid", prefix + "DocUuid",
                "setUuid", prefix + "SetUuid", "hasMemberUuid", prefix + "SetDocUuid", "docUid", prefix + "DocUid",
                "setUid", prefix + "SetUid", "accession", prefix + "Accession", "studyUid", prefix + "StudyUid"));
    }
}
