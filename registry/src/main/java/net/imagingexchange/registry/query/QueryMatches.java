// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.query;

import java.util.Collection;
import java.util.List;

/**
 * The entryUUIDs of the objects a stored query returns, by kind, in answer order and without duplicates.
 */
record QueryMatches(List<String> documentEntries, List<String> submissionSets, List<String> folders,
                    List<String> associations) {

    static final QueryMatches NONE = new QueryMatches(List.of(), List.of(), List.of(), List.of());

    QueryMatches {
        documentEntries = distinct(documentEntries);
        submissionSets = distinct(submissionSets);
        folders = distinct(folders);
        associations = distinct(associations);
    }

    static QueryMatches documentEntries(Collection<String> uuids) {
        return new QueryMatches(List.copyOf(uuids), List.of(), List.of(), List.of());
    }

    static QueryMatches submissionSets(Collection<String> uuids) {
        return new QueryMatches(List.of(), List.copyOf(uuids), List.of(), List.of());
    }

    static QueryMatches folders(Collection<String> uuids) {
        return new QueryMatches(List.of(), List.of(), List.copyOf(uuids), List.of());
    }

    static QueryMatches associations(Collection<String> uuids) {
        return new QueryMatches(List.of(), List.of(), List.of(), List.copyOf(uuids));
    }

    QueryMatches withAssociations(Collection<String> uuids) {
        return new QueryMatches(documentEntries, submissionSets, folders, List.copyOf(uuids));
    }

    /** Number of objects in the answer, the figure XDSTooManyResults is about. */
    int size() {
        return documentEntries.size() + submissionSets.size() + folders.size() + associations.size();
    }

    private static List<String> distinct(List<String> uuids) {
        return uuids.stream().distinct().toList();
    }
}
