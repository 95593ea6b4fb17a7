// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb.qido;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;

import net.imagingexchange.dicom.Uids;

/**
 * One search (PS3.18 10.6.1), as validated: what it returns, what it matches, which page.
 *
 * @param scope    the target resource.
 * @param matches  the match keys with a condition, ANDed; keys below the scope's level select results having such
 *                 a child (relational queries, PS3.4 C.4.1.3.2).
 * @param returned the attributes each result carries (PS3.18 10.6.3.3), besides Specific Character Set, Instance
 *                 Availability and Retrieve URL, which every result carries.
 * @param limit    at most this many results (PS3.18 8.3.4.4).
 * @param offset   after skipping this many.
 * @param warnings Warning header values the response carries (PS3.18 8.3.4), e.g. for ignored match keys.
 */
public record SearchRequest(Scope scope, List<Match> matches, Set<QidoAttribute> returned, int limit, int offset,
                            List<String> warnings) {

    public SearchRequest {
        requireNonNull(scope, "scope");
        matches = List.copyOf(matches);
        returned = Set.copyOf(returned);
        warnings = List.copyOf(warnings);
    }

    /**
     * The resource searched (PS3.18 10.6.1): all studies, series or instances, or those of a study
     * or series named in the path.
     *
     * @param level            what the results are.
     * @param studyInstanceUid the study in the path, or null.
     * @param seriesInstanceUid the series in the path, or null; only with a study.
     */
    public record Scope(QueryLevel level, String studyInstanceUid, String seriesInstanceUid) {

        public Scope {
            requireNonNull(level, "level");
            if (seriesInstanceUid != null && (studyInstanceUid == null || level != QueryLevel.INSTANCE)) {
                throw new IllegalArgumentException("a series in the path needs its study and an instance search");
            }
        }

        /** Refuses UIDs of a request path that are none (PS3.5 9.1). */
        public void checkUids() throws InvalidSearchException {
            checkUid("study", studyInstanceUid);
            checkUid("series", seriesInstanceUid);
        }

        private static void checkUid(String segment, String uid) throws InvalidSearchException {
            if (uid != null && !Uids.isUid(uid)) {
                throw InvalidSearchException.invalid(segment, "the " + segment + " in the path is not a UID"
                        + " (PS3.5 9.1): " + uid);
            }
        }
    }

    /** A match key and how it selects (PS3.4 C.2.2.2). */
    public record Match(QidoAttribute attribute, Condition condition) {
        public Match {
            requireNonNull(attribute, "attribute");
            requireNonNull(condition, "condition");
        }
    }
}
