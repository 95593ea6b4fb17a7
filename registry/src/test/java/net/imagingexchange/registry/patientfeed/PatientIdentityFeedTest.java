// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.patientfeed;

import static net.imagingexchange.registry.patientfeed.FeedSamples.patient;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;

import net.imagingexchange.registry.RegistryApplication;
import net.imagingexchange.registry.testing.Samples;
import net.imagingexchange.registry.testing.SoapClient;
import net.imagingexchange.registry.testing.TestDatabase;

/** ITI-8 over a real MLLP socket into a running registry: HAPI's client, and MLLP framing written by hand. */
@SpringBootTest(classes = RegistryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"registry.patient-feed-port=0", "registry.patient-feed-bind-address=127.0.0.1",
                "exchange.audit.enabled=false"})
@ContextConfiguration(initializers = TestDatabase.class)
class PatientIdentityFeedTest {

    /** One sample sent, the MSA-1 expected back, the IDs accepted and refused afterwards, a text the ACK holds. */
    record FeedCase(String sample, String acknowledgment, List<String> accepted, List<String> refused, String text) {
        @Override
        public String toString() {
            return sample + " -> " + acknowledgment;
        }
    }

    static Stream<FeedCase> feedCases() {
        return Stream.of(
                new FeedCase("a01-v25.hl7", "AA", List.of("ITI8-A01"), List.of("LOCAL-4711"), "MSA|AA"),
                new FeedCase("a04-v231.hl7", "AA", List.of("ITI8-A04"), List.of(), "MSA|AA"),
                new FeedCase("a05-v231.hl7", "AA", List.of("ITI8-A05"), List.of(), "MSA|AA"),
                new FeedCase("a08-v231.hl7", "AA", List.of("ITI8-A08"), List.of(), "MSA|AA"),
                new FeedCase("a40-v25.hl7", "AA", List.of("ITI8-SURVIVING-25"), List.of("ITI8-SUBSUMED-25"),
                        "MSA|AA"),
                new FeedCase("a01-foreign-authority-v25.hl7", "AE", List.of(), List.of("ITI8-FOREIGN"),
                        "PID-3 has no identifier of the affinity domain 1.3.6.1.4.1.21367.2005.13.20.1000"),
                new FeedCase("a03-v25.hl7", "AR", List.of(), List.of("ITI8-A03"), "unsupported trigger event A03"),
                new FeedCase("a40-without-mrg-v25.hl7", "AE", List.of(), List.of("ITI8-NO-MRG"), "MRG-1 missing"),
                new FeedCase("a01-v24.hl7", "AR", List.of(), List.of("ITI8-V24"), "unsupported HL7 version 2.4"));
    }

    @Autowired
    PatientFeedListener listener;

    @Autowired
    PatientRegistry patients;

    @LocalServerPort
    int httpPort;

    // the client's own executor: closing a context made without one would shut down HAPI's JVM-wide default
    private final HapiContext hapi = new DefaultHapiContext(Executors.newCachedThreadPool());
    private Connection connection;

    @BeforeEach
    void connect() throws Exception {
        connection = hapi.newClient("127.0.0.1", listener.port(), false);
        connection.getInitiator().setTimeout(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void disconnect() throws Exception {
        connection.close();
        hapi.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("feedCases")
    void appliesEachFeedMessageAndAcknowledgesIt(FeedCase feed) throws Exception {
        Message sent = hapi.getPipeParser().parse(FeedSamples.load(feed.sample()));

        Message ack = connection.getInitiator().sendAndReceive(sent);

        var answer = new Terser(ack);
        assertThat(answer.get("/MSA-1")).isEqualTo(feed.acknowledgment());
        assertThat(answer.get("/MSA-2")).isEqualTo(new Terser(sent).get("/MSH-10"));
        assertThat(ack.encode()).contains(feed.text());
        if (!"AA".equals(feed.acknowledgment())) {
            assertThat(ack.encode()).contains("\rERR|");
        }
        feed.accepted().forEach(id -> assertThat(patients.accepts(patient(id))).as(id).isTrue());
        feed.refused().forEach(id -> assertThat(patients.accepts(patient(id))).as(id).isFalse());
    }

    @Test
    void mergeRefusesTheSubsumedIdAndKeepsTheSurvivingOne() throws Exception {
        patients.register(patient("ITI8-SUBSUMED-231"));
        assertThat(patients.accepts(patient("ITI8-SUBSUMED-231"))).isTrue();

        Message ack = connection.getInitiator().sendAndReceive(
                hapi.getPipeParser().parse(FeedSamples.load("a40-v231.hl7")));

        assertThat(new Terser(ack).get("/MSA-1")).isEqualTo("AA");
        assertThat(patients.accepts(patient("ITI8-SUBSUMED-231"))).isFalse();
        assertThat(patients.isMerged(patient("ITI8-SUBSUMED-231"))).isTrue();
        assertThat(patients.accepts(patient("ITI8-SURVIVING-231"))).isTrue();
    }

    @Test
    void namesTheFieldInTheErrSegmentOfAV25Nak() throws Exception {
        Message ack = connection.getInitiator().sendAndReceive(
                hapi.getPipeParser().parse(FeedSamples.load("a01-foreign-authority-v25.hl7")));

        var answer = new Terser(ack);
        assertThat(answer.get("/ERR-2-1")).isEqualTo("PID");
        assertThat(answer.get("/ERR-2-3")).isEqualTo("3");
        assertThat(answer.get("/ERR-4")).isEqualTo("E");
    }

    @Test
    void answersHandWrittenMllpFramesInKind() throws Exception {
        try (var socket = new MllpSocket(listener.port())) {
            socket.send(FeedSamples.load("a05-v231.hl7"));

            assertThat(socket.receive()).startsWith("MSH|^~\\&|XDS_REGISTRY|REGION|HIS|HOSPITAL-A|")
                    .contains("\rMSA|AA|ITI8-1005");
        }
        assertThat(patients.accepts(patient("ITI8-A05"))).isTrue();
    }

    @Test
    void readsAMessageSentOneByteAtATime() throws Exception {
        try (var socket = new MllpSocket(listener.port())) {
            socket.sendOneByteAtATime(FeedSamples.load("a04-v231.hl7"));

            assertThat(socket.receive()).contains("\rMSA|AA|ITI8-1004");
        }
        assertThat(patients.accepts(patient("ITI8-A04"))).isTrue();
    }

    @Test
    void answersGarbageWithANakAndKeepsListening() throws Exception {
        try (var socket = new MllpSocket(listener.port())) {
            socket.send(FeedSamples.load("garbage.txt"));
            assertThat(socket.receive()).contains("\rMSA|AR|").contains("\rERR|");

            socket.send(FeedSamples.load("a08-v231.hl7"));
            assertThat(socket.receive()).contains("\rMSA|AA|ITI8-1008");
        }
        Message ack = connection.getInitiator().sendAndReceive(
                hapi.getPipeParser().parse(FeedSamples.load("a01-v25.hl7")));
        assertThat(new Terser(ack).get("/MSA-1")).isEqualTo("AA");
    }

    @Test
    void rejectsAVersionHapiCannotParseWithANakEchoingItsControlId() throws Exception {
        String unknownVersion = FeedSamples.load("a01-v25.hl7").replace("|P|2.5|", "|P|9.9|");
        try (var socket = new MllpSocket(listener.port())) {
            socket.send(unknownVersion);

            assertThat(socket.receive()).startsWith("MSH|^~\\&|XDS_REGISTRY|REGION|HIS|HOSPITAL-A|")
                    .contains("\rMSA|AR|ITI8-0001|").contains("\rERR|").contains("203");
        }
    }

    @Test
    void acceptsAFeedWhoseDemographicsAreMalformed() throws Exception {
        String badBirthDate = FeedSamples.load("a08-v231.hl7").replace("|19800202|", "|sometime in 1980|");
        try (var socket = new MllpSocket(listener.port())) {
            socket.send(badBirthDate);

            assertThat(socket.receive()).contains("\rMSA|AA|ITI8-1008");
        }
    }

    @Test
    void acceptsAnIti42SubmissionOnlyOnceTheFeedMadeThePatientKnown() throws Exception {
        var soap = new SoapClient();
        String url = "http://127.0.0.1:" + httpPort + "/registry/iti42";
        String action = "urn:ihe:iti:2007:RegisterDocumentSet-b";
        Map<String, String> submitter = Map.of("patientId", patient("ITI8-SUBMITTER"));

        var before = soap.post(url, action, Samples.load("iti42/single-document.xml", submitter));
        assertThat(before.errorCodes()).containsExactly("XDSUnknownPatientId");

        Message ack = connection.getInitiator().sendAndReceive(
                hapi.getPipeParser().parse(FeedSamples.load("a01-before-submission-v25.hl7")));
        assertThat(new Terser(ack).get("/MSA-1")).isEqualTo("AA");

        var after = soap.post(url, action, Samples.load("iti42/single-document.xml", submitter));
        assertThat(after.errorCodes()).isEmpty();
        assertThat(after.status()).isEqualTo("Success");
    }
}
