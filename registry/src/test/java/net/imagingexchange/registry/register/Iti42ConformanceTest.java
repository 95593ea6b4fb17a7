// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import net.imagingexchange.registry.patientfeed.PatientRegistry;
import net.imagingexchange.registry.store.RegistryDatabase;
import net.imagingexchange.registry.store.RegistryStore;
import net.imagingexchange.registry.testing.RegistryComponentTest;
import net.imagingexchange.registry.testing.EnvelopeEdits;
import net.imagingexchange.registry.testing.Samples;
import net.imagingexchange.registry.testing.SoapClient;

/** Runs the data-driven ITI-42 conformance cases of {@code conformance/iti42-cases.yaml} over HTTP. */
@RegistryComponentTest
class Iti42ConformanceTest {

    private static final String ACTION = "urn:ihe:iti:2007:RegisterDocumentSet-b";
    private static final Pattern TOKEN = Pattern.compile("\\{\\{([A-Za-z][A-Za-z0-9]*)}}");
    private static final List<String> TABLES = List.of("document_entry", "document_entry_code",
            "document_entry_author", "document_entry_reference", "submission_set", "submission_set_author",
            "folder", "folder_code", "association");

    @LocalServerPort
    int port;
    @Autowired
    PatientRegistry patients;
    @Autowired
    RegistryStore store;
    @Autowired
    RegistryDatabase database;

    private final SoapClient soap = new SoapClient();

    record Case(String name, List<Step> steps, Then then) {
    }

    record Step(String sample, Map<String, String> with, List<Edit> edits, String expect, String context,
                Map<String, String> merge) {
    }

    record Edit(String remove, String set, String to, String append, String xml, String fragment,
                Map<String, String> with) {
    }

    record Then(Map<String, String> status, Map<String, Integer> members) {
    }

    @TestFactory
    Stream<DynamicTest> conformanceCases() throws IOException {
        List<Case> cases;
        try (var in = getClass().getResourceAsStream("/conformance/iti42-cases.yaml")) {
            cases = new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<>() { });
        }
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c)));
    }

    private void run(Case testCase) {
        patients.register(Samples.PATIENT);
        patients.register(Samples.OTHER_PATIENT);
        var tokens = new HashMap<String, String>();
        for (Step step : testCase.steps()) {
            if (step.merge() != null) {
                patients.merge(resolve(step.merge().get("subsumed"), tokens),
                        resolve(step.merge().get("surviving"), tokens));
                continue;
            }
            Map<String, String> values = resolve(step.with(), tokens);
            String envelope = EnvelopeEdits.apply(Samples.load(step.sample(), values), edits(step, values, tokens));
            Map<String, Long> before = rowCounts();
            var answer = soap.post("http://127.0.0.1:" + port + "/registry/iti42", ACTION, envelope);

            assertThat(answer.httpStatus()).as("HTTP status").isEqualTo(200);
            if ("Success".equals(step.expect())) {
                assertThat(answer.errorCodes()).as("errors of %s", step.sample()).isEmpty();
                assertThat(answer.status()).isEqualTo("Success");
            } else {
                assertThat(answer.status()).isEqualTo("Failure");
                assertThat(answer.errorCodes()).containsExactly(step.expect());
                if (step.context() != null) {
                    assertThat(answer.codeContexts().get(0)).contains(resolve(step.context(), tokens));
                }
                assertThat(rowCounts()).as("nothing of a refused submission is stored").isEqualTo(before);
            }
        }
        if (testCase.then() != null) {
            check(testCase.then(), tokens);
        }
    }

    private List<EnvelopeEdits.Edit> edits(Step step, Map<String, String> values, Map<String, String> tokens) {
        if (step.edits() == null) {
            return List.of();
        }
        return step.edits().stream().map(e -> {
            String xml = e.xml() == null ? null : resolve(e.xml(), tokens);
            if (e.fragment() != null) {
                var fragmentValues = new HashMap<>(values);
                fragmentValues.putAll(resolve(e.with(), tokens));
                xml = Samples.load(e.fragment(), fragmentValues).replaceAll("(?s)<!--.*?-->", "");
            }
            return new EnvelopeEdits.Edit(e.remove(), e.set(), resolve(e.to(), tokens), e.append(), xml);
        }).toList();
    }

    private void check(Then then, Map<String, String> tokens) {
        if (then.status() != null) {
            then.status().forEach((uuid, status) -> assertThat(store.find(resolve(uuid, tokens)))
                    .as("availabilityStatus of %s", uuid).get().extracting(r -> r.status()).isEqualTo(status));
        }
        if (then.members() != null) {
            var jdbc = new JdbcTemplate(database.dataSource());
            then.members().forEach((folder, count) -> assertThat(jdbc.queryForObject(
                    "SELECT COUNT(*) FROM association a JOIN document_entry d ON d.entry_uuid = a.target_uuid"
                            + " WHERE a.source_uuid = ? AND a.type = 'HasMember'", Integer.class,
                    resolve(folder, tokens))).as("documents in folder %s", folder).isEqualTo(count));
        }
    }

    private Map<String, Long> rowCounts() {
        var jdbc = new JdbcTemplate(database.dataSource());
        var counts = new LinkedHashMap<String, Long>();
        TABLES.forEach(t -> counts.put(t, jdbc.queryForObject("SELECT COUNT(*) FROM " + t, Long.class)));
        return counts;
    }

    private static Map<String, String> resolve(Map<String, String> values, Map<String, String> tokens) {
        var resolved = new HashMap<String, String>();
        if (values != null) {
            values.forEach((k, v) -> resolved.put(k, resolve(v, tokens)));
        }
        return resolved;
    }

    private static String resolve(String text, Map<String, String> tokens) {
        if (text == null) {
            return null;
        }
        Matcher m = TOKEN.matcher(text);
        var out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = tokens.computeIfAbsent(name,
                    n -> n.startsWith("uid") ? Samples.freshUid() : UUID.randomUUID().toString());
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
