// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb.qido;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of a search over the index's {@code study}, {@code series} and {@code instance} tables (aliases
 * {@code st}, {@code se}, {@code i}), in the dialect H2 (MySQL mode) and MariaDB share. A result row starts with its
 * identity (study, series and SOP Instance UID and file name, as far as the level goes), then one column per
 * {@link Statement#columns()} attribute. One row more than the limit is asked for, to tell whether more follow.
 */
final class SearchSql {

    /** The first columns of every row, by level: what names the result and its file. */
    static final int STUDY_UID = 1;
    static final int SERIES_UID = 2;
    static final int SOP_INSTANCE_UID = 3;
    static final int FILE_NAME = 4;

    /**
     * @param columns the attributes whose values follow the identity columns, in order.
     * @param first   the index (from 1) of the first of them.
     */
    record Statement(String sql, Object[] arguments, List<QidoAttribute> columns, int first) {
    }

    private SearchSql() {
    }

    static Statement of(SearchRequest request) {
        QueryLevel level = request.scope().level();
        var sql = new Sql().append("SELECT st.study_uid");
        int first = 2;
        if (level != QueryLevel.STUDY) {
            sql.append(", se.series_uid");
            first = 3;
        }
        if (level == QueryLevel.INSTANCE) {
            sql.append(", i.sop_instance_uid, i.file_name");
            first = 5;
        }
        var columns = new ArrayList<QidoAttribute>();
        for (QidoAttribute attribute : request.returned()) {
            if (attribute.column() != null) {
                sql.append(", ").append(attribute.column());
                columns.add(attribute);
            }
        }
        sql.append(switch (level) {
            case STUDY -> " FROM study st";
            case SERIES -> " FROM series se JOIN study st ON st.study_uid = se.study_uid";
            case INSTANCE -> " FROM instance i JOIN series se ON se.series_uid = i.series_uid"
                    + " JOIN study st ON st.study_uid = se.study_uid";
        });
        where(request, sql);
        sql.append(switch (level) {
            case STUDY -> " ORDER BY st.study_date DESC, st.study_time DESC, st.study_uid";
            case SERIES -> " ORDER BY st.study_date DESC, st.study_uid, " + SERIES_ORDER;
            case INSTANCE -> " ORDER BY st.study_date DESC, st.study_uid, " + SERIES_ORDER + ", " + INSTANCE_ORDER;
        });
        sql.append(" LIMIT ").bind(request.limit() + 1L).append(" OFFSET ").bind(request.offset());
        return new Statement(sql.text(), sql.arguments(), List.copyOf(columns), first);
    }

    // IS values in numeric order without casting them (a cast fails on a malformed one): shorter first, then text
    private static final String SERIES_ORDER = "CHAR_LENGTH(se.series_number), se.series_number, se.series_uid";
    private static final String INSTANCE_ORDER = "CHAR_LENGTH(i.instance_number), i.instance_number,"
            + " i.sop_instance_uid";

    private static void where(SearchRequest request, Sql sql) {
        QueryLevel level = request.scope().level();
        sql.append(" WHERE 1 = 1");
        if (request.scope().studyInstanceUid() != null) {
            sql.append(" AND st.study_uid = ").bind(request.scope().studyInstanceUid());
        }
        if (request.scope().seriesInstanceUid() != null) {
            sql.append(" AND se.series_uid = ").bind(request.scope().seriesInstanceUid());
        }
        var below = new ArrayList<SearchRequest.Match>();
        for (SearchRequest.Match match : request.matches()) {
            QidoAttribute attribute = match.attribute();
            if (attribute.matching() == QidoAttribute.Matching.MODALITIES) {
                sql.append(" AND EXISTS (SELECT 1 FROM series m WHERE m.study_uid = st.study_uid AND ");
                match.condition().appendTo(sql, "m.modality");
                sql.append(")");
            } else if (attribute.level().isAtOrAbove(level)) {
                sql.append(" AND ");
                match.condition().appendTo(sql, attribute.column());
            } else {
                below.add(match);
            }
        }
        if (!below.isEmpty()) {
            relational(level, below, sql);
        }
    }

    // PS3.4 C.4.1.3.2 relational queries: a result matches keys of lower levels through one of its children
    private static void relational(QueryLevel level, List<SearchRequest.Match> below, Sql sql) {
        boolean instances = below.stream().anyMatch(m -> m.attribute().level() == QueryLevel.INSTANCE);
        if (level == QueryLevel.SERIES) {
            sql.append(" AND EXISTS (SELECT 1 FROM instance i WHERE i.series_uid = se.series_uid");
        } else if (instances) {
            sql.append(" AND EXISTS (SELECT 1 FROM instance i JOIN series se ON se.series_uid = i.series_uid"
                    + " WHERE i.study_uid = st.study_uid");
        } else {
            sql.append(" AND EXISTS (SELECT 1 FROM series se WHERE se.study_uid = st.study_uid");
        }
        for (SearchRequest.Match match : below) {
            sql.append(" AND ");
            match.condition().appendTo(sql, match.attribute().column());
        }
        sql.append(")");
    }
}
