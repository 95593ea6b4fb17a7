// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

import net.imagingexchange.registry.RegistryApplication;
import net.imagingexchange.registry.patientfeed.PatientRegistry;
import net.imagingexchange.registry.store.RegistryDatabase;
import net.imagingexchange.registry.testing.EnvelopeEdits;
import net.imagingexchange.registry.testing.Samples;
import net.imagingexchange.registry.testing.SettableClock;
import net.imagingexchange.registry.testing.SoapClient;
import net.imagingexchange.registry.testing.TestDatabase;

/** Registry-maintained state: folder lastUpdateTime (ITI TF-3 4.2.3.4.4) and concurrent uniqueId claims. */
@SpringBootTest(classes = {RegistryApplication.class, RegistrationStateTest.FixedClock.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"registry.patient-feed-port=-1", "exchange.audit.enabled=false"})
@ContextConfiguration(initializers = TestDatabase.class)
class RegistrationStateTest {

    private static final String ACTION = "urn:ihe:iti:2007:RegisterDocumentSet-b";
    private static final SettableClock CLOCK = new SettableClock(Instant.parse("2026-11-27T22:00:00Z"));

    @TestConfiguration
    static class FixedClock {
        @Bean
        SettableClock clock() {
            return CLOCK;
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    PatientRegistry patients;
    @Autowired
    RegistryDatabase database;

    private final SoapClient soap = new SoapClient();

    @BeforeEach
    void knownPatient() {
        patients.register(Samples.PATIENT);
    }

    @Test
    void setsAFolderLastUpdateTimeAtCreationAndRefreshesItWhenADocumentJoins() {
        String folder = "urn:uuid:" + java.util.UUID.randomUUID();
        String envelope = Samples.load("iti42/single-document.xml", Map.of("folderId", folder));
        envelope = EnvelopeEdits.apply(envelope, java.util.List.of(new EnvelopeEdits.Edit(null, null, null,
                "//rim:RegistryObjectList", fragment("iti42/fragments/folder.xml", Map.of("folderId", folder)))));
        assertThat(soap.post(url(), ACTION, envelope).status()).isEqualTo("Success");
        assertThat(lastUpdateTime(folder)).isEqualTo("20261127220000");

        CLOCK.advance(Duration.ofMinutes(90));
        String document = "urn:uuid:" + java.util.UUID.randomUUID();
        String joining = EnvelopeEdits.apply(Samples.load("iti42/single-document.xml", Map.of("docId", document)),
                java.util.List.of(new EnvelopeEdits.Edit(null, null, null, "//rim:RegistryObjectList",
                        fragment("iti42/fragments/folder-member.xml",
                                Map.of("folderId", folder, "memberDoc", document)))));
        assertThat(soap.post(url(), ACTION, joining).status()).isEqualTo("Success");

        assertThat(lastUpdateTime(folder)).isEqualTo("20261127233000");
    }

    @Test
    void letsOnlyOneOfTwoConcurrentSubmissionsClaimASubmissionSetUniqueId() throws Exception {
        String uid = Samples.freshUid();
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var answers = new ArrayList<Future<SoapClient.Answer>>();
            for (int i = 0; i < 2; i++) {
                String envelope = Samples.load("iti42/single-document.xml", Map.of("ssUid", uid));
                Callable<SoapClient.Answer> post = () -> {
                    start.await();
                    return soap.post(url(), ACTION, envelope);
                };
                answers.add(pool.submit(post));
            }
            start.countDown();
            var statuses = new ArrayList<String>();
            var codes = new ArrayList<String>();
            for (var answer : answers) {
                statuses.add(answer.get().status());
                codes.addAll(answer.get().errorCodes());
            }
            assertThat(statuses).containsExactlyInAnyOrder("Success", "Failure");
            assertThat(codes).containsExactly("XDSDuplicateUniqueIdInRegistry");
        } finally {
            pool.shutdownNow();
        }
        assertThat(new JdbcTemplate(database.dataSource()).queryForObject(
                "SELECT COUNT(*) FROM submission_set WHERE unique_id = ?", Integer.class, "1.2.250.1.999.6." + uid))
                .isEqualTo(1);
    }

    private String lastUpdateTime(String folder) {
        return new JdbcTemplate(database.dataSource()).queryForObject(
                "SELECT last_update_time FROM folder WHERE entry_uuid = ?", String.class, folder);
    }

    private static String fragment(String name, Map<String, String> values) {
        return Samples.load(name, values).replaceAll("(?s)<!--.*?-->", "");
    }

    private String url() {
        return "http://127.0.0.1:" + port + "/registry/iti42";
    }
}
