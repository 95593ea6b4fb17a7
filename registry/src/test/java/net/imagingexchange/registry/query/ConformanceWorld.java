// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.imagingexchange.registry.patientfeed.PatientRegistry;
import net.imagingexchange.registry.query.ConformanceSet.QueryCase;
import net.imagingexchange.registry.query.ConformanceSet.Registration;
import net.imagingexchange.registry.testing.Samples;
import net.imagingexchange.registry.testing.SoapClient;

/**
 * The data of the conformance set in one running registry. World variables get fresh values on first use, by name:
 * {@code patient...} a new patient ID of the affinity domain (registered with the feed), {@code ...Uuid} a new
 * {@code urn:uuid:}, anything else a new OID arc. Fresh values keep the world apart from other tests that share
 * the Spring context and its database.
 */
final class ConformanceWorld {

    static final String REGISTER_ACTION = "urn:ihe:iti:2007:RegisterDocumentSet-b";
    static final String QUERY_ACTION = "urn:ihe:iti:2007:RegistryStoredQuery";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");
    private static final String SUBMISSION_SET_NODE = "urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd";
    private static final String FOLDER_NODE = "urn:uuid:d9d542f3-6cc4-48b6-8870-ea235fbc94c2";
    private static final String SLOTS = "@@SLOTS@@";
    private static final String DOMAIN = "^^^&1.3.6.1.4.1.21367.2005.13.20.1000&ISO";

    private final ConformanceSet set;
    private final PatientRegistry patients;
    private final String baseUrl;
    private final SoapClient soap = new SoapClient();
    private final Map<String, String> variables = new HashMap<>();
    private final String run = Samples.freshUid();

    ConformanceWorld(ConformanceSet set, PatientRegistry patients, int port) {
        this.set = set;
        this.patients = patients;
        this.baseUrl = "http://127.0.0.1:" + port + "/registry/";
    }

    /** Registers every submission of the world; each must succeed. */
    void register() {
        for (Registration registration : set.world()) {
            var values = new HashMap<String, String>();
            for (String placeholder : placeholders(raw(registration.sample()))) {
                values.put(placeholder, variable(registration.with().getOrDefault(placeholder, placeholder)));
            }
            values.put("uuid", UUID.randomUUID().toString());
            var answer = soap.post(baseUrl + "iti42", REGISTER_ACTION, Samples.load(registration.sample(), values));
            assertThat(answer.errorCodes()).as("registration of %s", registration.sample()).isEmpty();
            assertThat(answer.status()).isEqualTo("Success");
        }
    }

    /** The value of a world variable, made on first use. */
    String variable(String name) {
        return variables.computeIfAbsent(name, this::fresh);
    }

    /** Sends the case's query and returns the answer. */
    SoapClient.Answer query(QueryCase queryCase) {
        String queryId = set.queries().getOrDefault(queryCase.query(), queryCase.query());
        var slots = new StringBuilder();
        for (List<String> slot : queryCase.slots()) {
            slots.append("        <rim:Slot name=\"").append(xml(slot.get(0))).append("\"><rim:ValueList>");
            for (String value : slot.subList(1, slot.size())) {
                slots.append("<rim:Value>").append(xml(resolve(value))).append("</rim:Value>");
            }
            slots.append("</rim:ValueList></rim:Slot>\n");
        }
        String returnType = queryCase.returnType() == null ? "LeafClass" : queryCase.returnType();
        // the slots are XML already, so they go in after Samples has escaped the plain values
        String envelope = Samples.load("iti18/stored-query.xml",
                Map.of("queryId", queryId, "returnType", returnType, "slots", SLOTS));
        return soap.post(baseUrl + "iti18", QUERY_ACTION, envelope.replace(SLOTS, slots));
    }

    /** Sends the case's query and checks the answer against the case's expectation, exactly. */
    void check(QueryCase queryCase) {
        var answer = query(queryCase);
        var expect = queryCase.expect();
        assertThat(answer.httpStatus()).isEqualTo(200);
        assertThat(answer.status()).as("status; errors %s", answer.codeContexts()).isEqualTo(expect.status());
        assertThat(answer.errorCodes()).as("error codes")
                .isEqualTo(expect.errors() == null ? List.of() : expect.errors());
        var objects = ReturnedObjects.of(answer);
        assertThat(objects.count("ExtrinsicObject")).as("DocumentEntries")
                .isEqualTo(orZero(expect.documentEntries()));
        assertThat(objects.registryPackages(SUBMISSION_SET_NODE)).as("SubmissionSets")
                .isEqualTo(orZero(expect.submissionSets()));
        assertThat(objects.registryPackages(FOLDER_NODE)).as("Folders").isEqualTo(orZero(expect.folders()));
        assertThat(objects.count("Association")).as("Associations").isEqualTo(orZero(expect.associations()));
        assertThat(objects.count("ObjectRef")).as("ObjectRefs").isEqualTo(orZero(expect.objectRefs()));
        assertThat(objects.ids()).as("objects of any kind").hasSize(orZero(expect.documentEntries())
                + orZero(expect.submissionSets()) + orZero(expect.folders()) + orZero(expect.associations())
                + orZero(expect.objectRefs()));
        if (expect.ids() != null) {
            assertThat(objects.ids()).as("entryUUIDs")
                    .containsExactlyInAnyOrderElementsOf(expect.ids().stream().map(this::variable).toList());
        }
    }

    private static int orZero(Integer n) {
        return n == null ? 0 : n;
    }

    /** {@code ${name}} in a slot value: a constant of the set, else a world variable. */
    String resolve(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        var out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = set.constants().containsKey(name) ? set.constants().get(name) : variable(name);
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String raw(String sample) {
        try (var in = ConformanceWorld.class.getResourceAsStream("/samples/" + sample)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + sample);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> placeholders(String text) {
        return PLACEHOLDER.matcher(text).results().map(r -> r.group(1)).distinct().toList();
    }

    private String fresh(String name) {
        if (name.startsWith("patient")) {
            String patientId = name.toUpperCase(java.util.Locale.ROOT) + "-" + run + DOMAIN;
            patients.register(patientId);
            return patientId;
        }
        if (name.endsWith("Uuid")) {
            return "urn:uuid:" + UUID.randomUUID();
        }
        return Samples.freshUid();
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
