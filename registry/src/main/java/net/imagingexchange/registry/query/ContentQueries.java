// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.query;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetAllQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetByIdAndCodesQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetFolderAndContentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetSubmissionSetAndContentsQuery;

import net.imagingexchange.registry.query.RegistryTables.Link;
import net.imagingexchange.registry.store.ObjectKind;

/**
 * The stored queries that return a package with its contents: GetAll, GetSubmissionSetAndContents and
 * GetFolderAndContents (ITI TF-2 3.18.4.1.2.3.7.4, .10, .11). Their DocumentEntry filters (formatCode,
 * confidentialityCode, entry type) also drop the associations of the entries they filter out.
 */
final class ContentQueries {

    private final RegistryTables tables;

    ContentQueries(RegistryTables tables) {
        this.tables = tables;
    }

    /**
     * ITI TF-2 3.18.4.1.2.3.7.4 GetAll: every SubmissionSet, DocumentEntry and Folder of the patient with a
     * requested status, and the associations among them.
     */
    QueryMatches getAll(GetAllQuery query) {
        String patientId = QueryValues.patientId(query.getPatientId());
        var entries = tables.entryUuids(ObjectKind.DOCUMENT_ENTRY, FindQueries.documentFilters(
                RegistryTables.criteria().equalTo("patient_id", patientId)
                        .in("status", QueryValues.statuses(query.getStatusDocuments())),
                query.getConfidentialityCodes(), query.getFormatCodes(), query.getDocumentEntryTypes()));
        var sets = tables.entryUuids(ObjectKind.SUBMISSION_SET, RegistryTables.criteria()
                .equalTo("patient_id", patientId).in("status", QueryValues.statuses(query.getStatusSubmissionSets())));
        var folders = tables.entryUuids(ObjectKind.FOLDER, RegistryTables.criteria()
                .equalTo("patient_id", patientId).in("status", QueryValues.statuses(query.getStatusFolders())));
        var objects = new HashSet<String>(entries);
        objects.addAll(sets);
        objects.addAll(folders);
        var links = tables.associationsFrom(objects);
        var among = new ArrayList<String>();
        var amongSet = new HashSet<String>();
        for (Link link : links) {
            if (objects.contains(link.target())) {
                among.add(link.entryUuid());
                amongSet.add(link.entryUuid());
            }
        }
        // a SubmissionSet's HasMember to an association (e.g. Folder -> DocumentEntry) is among them too
        links.stream().filter(l -> amongSet.contains(l.target())).forEach(l -> among.add(l.entryUuid()));
        return new QueryMatches(entries, sets, folders, among);
    }

    /**
     * ITI TF-2 3.18.4.1.2.3.7.10 GetSubmissionSetAndContents: the SubmissionSet, its member DocumentEntries that
     * pass the filters, its member Folders, its member associations that do not touch a filtered-out entry, and
     * the HasMember associations from the SubmissionSet to each returned object.
     */
    QueryMatches getSubmissionSetAndContents(GetSubmissionSetAndContentsQuery query) {
        List<String> set = root(ObjectKind.SUBMISSION_SET, query);
        if (set.isEmpty()) {
            return QueryMatches.NONE;
        }
        var fromSet = tables.associationsFrom(set).stream().filter(Link::hasMember).toList();
        var members = fromSet.stream().map(Link::target).toList();
        var innerLinks = tables.associations(members);
        var candidates = new ArrayList<>(members);
        innerLinks.forEach(l -> {
            candidates.add(l.source());
            candidates.add(l.target());
        });
        var passing = filteredEntries(candidates, query);
        var rejected = new HashSet<>(tables.byIdentifier(ObjectKind.DOCUMENT_ENTRY, candidates, null));
        passing.forEach(rejected::remove);
        var entries = passing.stream().filter(members::contains).toList();
        var folders = tables.byIdentifier(ObjectKind.FOLDER, members, null);
        var keptInner = innerLinks.stream()
                .filter(l -> !rejected.contains(l.source()) && !rejected.contains(l.target()))
                .map(Link::entryUuid).toList();
        var returned = new HashSet<String>(entries);
        returned.addAll(folders);
        returned.addAll(keptInner);
        var associations = new ArrayList<String>();
        fromSet.stream().filter(l -> returned.contains(l.target())).forEach(l -> associations.add(l.entryUuid()));
        associations.addAll(keptInner);
        return new QueryMatches(entries, set, folders, associations);
    }

    /**
     * ITI TF-2 3.18.4.1.2.3.7.11 GetFolderAndContents: the Folder, its member DocumentEntries that pass the
     * filters and the Folder's HasMember associations to them.
     */
    QueryMatches getFolderAndContents(GetFolderAndContentsQuery query) {
        List<String> folder = root(ObjectKind.FOLDER, query);
        if (folder.isEmpty()) {
            return QueryMatches.NONE;
        }
        var fromFolder = tables.associationsFrom(folder).stream().filter(Link::hasMember).toList();
        var entries = filteredEntries(fromFolder.stream().map(Link::target).toList(), query);
        var associations = fromFolder.stream().filter(l -> entries.contains(l.target()))
                .map(Link::entryUuid).toList();
        return new QueryMatches(entries, List.of(), folder, associations);
    }

    private List<String> root(ObjectKind kind, GetByIdAndCodesQuery query) {
        return tables.byIdentifier(kind, query.getUuid() == null ? null : List.of(query.getUuid()),
                query.getUniqueId() == null ? null : List.of(query.getUniqueId()));
    }

    private List<String> filteredEntries(List<String> candidates, GetByIdAndCodesQuery query) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        return tables.entryUuids(ObjectKind.DOCUMENT_ENTRY, FindQueries.documentFilters(
                RegistryTables.criteria().in("entry_uuid", candidates), query.getConfidentialityCodes(),
                query.getFormatCodes(), query.getDocumentEntryTypes()));
    }
}
