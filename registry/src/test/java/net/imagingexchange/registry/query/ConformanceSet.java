// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The stored-query conformance set, {@code conformance/iti18-cases.yaml}: the registrations that make up its data
 * (the "world"), and for each case the query to send and the exact answer to expect.
 *
 * @param queries   stored query name to its id (ITI TF-2 3.18.4.1.2.3.7).
 * @param constants values the slots may name as {@code ${name}}, e.g. status URNs.
 * @param world     the ITI-42 submissions registered before the cases run, in order.
 * @param cases     the queries and their expected answers.
 */
record ConformanceSet(Map<String, String> queries, Map<String, String> constants, List<Registration> world,
                      List<QueryCase> cases) {

    static ConformanceSet load() {
        // SnakeYAML reads the file because it expands the anchors (&name / *name) that share slots between cases;
        // Jackson binds the result to the records
        var mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try (var in = ConformanceSet.class.getResourceAsStream("/conformance/iti18-cases.yaml")) {
            var options = new LoaderOptions();
            options.setMaxAliasesForCollections(1000);
            Object tree = new Yaml(options).load(in);
            return mapper.convertValue(tree, ConformanceSet.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cases for a registry whose {@code registry.max-query-results} is {@code limit}; null is the default. */
    List<QueryCase> casesFor(Integer limit) {
        return cases.stream().filter(c -> Objects.equals(c.maxQueryResults(), limit)).toList();
    }

    /**
     * One ITI-42 submission of the world.
     *
     * @param sample envelope under {@code samples/}.
     * @param with   sample placeholder to world variable; unlisted placeholders name a world variable themselves.
     */
    record Registration(String sample, Map<String, String> with) {
        Registration {
            with = with == null ? Map.of() : Map.copyOf(with);
        }
    }

    /**
     * @param slots           each entry is a slot name followed by its {@code rim:Value}s; a name may repeat.
     * @param returnType      LeafClass when absent.
     * @param maxQueryResults the registry limit the case needs; absent for the default limit.
     */
    record QueryCase(String name, String query, String returnType, Integer maxQueryResults,
                     List<List<String>> slots, Expected expect) {

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * The answer: status, and either the error codes (Failure) or the exact number of objects of each kind
     * (absent counts are 0) and optionally the exact set of returned entryUUIDs, as world variable names.
     */
    record Expected(String status, List<String> errors, Integer documentEntries, Integer submissionSets,
                    Integer folders, Integer associations, Integer objectRefs, List<String> ids) {
    }
}
