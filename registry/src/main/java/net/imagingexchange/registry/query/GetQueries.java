// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.query;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetAssociationsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetDocumentsAndAssociationsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetFoldersForDocumentQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetFoldersQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetFromDocumentQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetRelatedDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetSubmissionSetsQuery;

import net.imagingexchange.registry.query.RegistryTables.Link;
import net.imagingexchange.registry.store.ObjectKind;

/**
 * The Get stored queries that start from given objects and follow their associations
 * (ITI TF-2 3.18.4.1.2.3.7.5-9, 3.18.4.1.2.3.7.12-13). None of them filters on availabilityStatus.
 */
final class GetQueries {

    private final RegistryTables tables;

    GetQueries(RegistryTables tables) {
        this.tables = tables;
    }

    /** ITI TF-2 3.18.4.1.2.3.7.5 GetDocuments: the DocumentEntries with these entryUUIDs or uniqueIds. */
    QueryMatches getDocuments(GetDocumentsQuery query) {
        return QueryMatches.documentEntries(
                tables.byIdentifier(ObjectKind.DOCUMENT_ENTRY, query.getUuids(), query.getUniqueIds()));
    }

    /** ITI TF-2 3.18.4.1.2.3.7.6 GetFolders: the Folders with these entryUUIDs or uniqueIds. */
    QueryMatches getFolders(GetFoldersQuery query) {
        return QueryMatches.folders(tables.byIdentifier(ObjectKind.FOLDER, query.getUuids(), query.getUniqueIds()));
    }

    /** ITI TF-2 3.18.4.1.2.3.7.7 GetAssociations: associations with one of these objects at either end. */
    QueryMatches getAssociations(GetAssociationsQuery query) {
        return QueryMatches.associations(uuidsOf(tables.associationsTouching(query.getUuids())));
    }

    /** ITI TF-2 3.18.4.1.2.3.7.8 GetDocumentsAndAssociations: the entries and associations at either end. */
    QueryMatches getDocumentsAndAssociations(GetDocumentsAndAssociationsQuery query) {
        List<String> entries = tables.byIdentifier(ObjectKind.DOCUMENT_ENTRY, query.getUuids(), query.getUniqueIds());
        return QueryMatches.documentEntries(entries).withAssociations(uuidsOf(tables.associationsTouching(entries)));
    }

    /**
     * ITI TF-2 3.18.4.1.2.3.7.9 GetSubmissionSets: the SubmissionSets holding these objects through HasMember, and
     * those HasMember associations.
     */
    QueryMatches getSubmissionSets(GetSubmissionSetsQuery query) {
        var members = Set.copyOf(query.getUuids());
        var links = tables.associationsTouching(members).stream()
                .filter(l -> l.hasMember() && members.contains(l.target())).toList();
        var sets = new LinkedHashSet<>(tables.byIdentifier(ObjectKind.SUBMISSION_SET,
                links.stream().map(Link::source).toList(), null));
        var associations = links.stream().filter(l -> sets.contains(l.source())).map(Link::entryUuid).toList();
        return QueryMatches.submissionSets(sets).withAssociations(associations);
    }

    /** ITI TF-2 3.18.4.1.2.3.7.12 GetFoldersForDocument: the Folders holding the entry; no associations. */
    QueryMatches getFoldersForDocument(GetFoldersForDocumentQuery query) {
        List<String> entries = origin(query);
        var holders = tables.associationsTouching(entries).stream()
                .filter(l -> l.hasMember() && entries.contains(l.target())).map(Link::source).toList();
        return QueryMatches.folders(holders.isEmpty() ? List.of()
                : tables.byIdentifier(ObjectKind.FOLDER, holders, null));
    }

    /**
     * ITI TF-2 3.18.4.1.2.3.7.13 GetRelatedDocuments: the entry, the entries linked to it by an association of
     * the listed types (either direction) and those associations; nothing at all when none is related.
     */
    QueryMatches getRelatedDocuments(GetRelatedDocumentsQuery query) {
        List<String> origins = origin(query);
        var types = new HashSet<>(QueryValues.associationTypes(query.getAssociationTypes()));
        var links = tables.associationsTouching(origins).stream().filter(l -> types.contains(l.type())).toList();
        var others = new ArrayList<String>();
        for (Link link : links) {
            others.add(origins.contains(link.source()) ? link.target() : link.source());
        }
        var related = others.isEmpty() ? List.<String>of() : tables.entryUuids(ObjectKind.DOCUMENT_ENTRY,
                RegistryTables.criteria().in("entry_uuid", others)
                        .in("object_type", QueryValues.entryTypes(query.getDocumentEntryTypes())));
        if (related.isEmpty()) {
            return QueryMatches.NONE;
        }
        var entries = new ArrayList<>(origins);
        entries.addAll(related);
        var associations = links.stream()
                .filter(l -> related.contains(l.source()) || related.contains(l.target()))
                .map(Link::entryUuid).toList();
        return QueryMatches.documentEntries(entries).withAssociations(associations);
    }

    private List<String> origin(GetFromDocumentQuery query) {
        return tables.byIdentifier(ObjectKind.DOCUMENT_ENTRY,
                query.getUuid() == null ? null : List.of(query.getUuid()),
                query.getUniqueId() == null ? null : List.of(query.getUniqueId()));
    }

    private static List<String> uuidsOf(List<Link> links) {
        return links.stream().map(Link::entryUuid).toList();
    }
}
