// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb.qido;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The statements searches become: request values only ever bound, never written into the SQL text. */
class SearchSqlTest {

    private static final String SERVICE = "http://localhost/imaging-source/dicomweb";

    @Test
    void bindsEveryValueOfTheRequestAndWritesNoneIntoTheStatement() throws Exception {
        String hostile = "x' OR '1'='1";
        var statement = statement(QueryLevel.INSTANCE, Map.of("PatientID", hostile, "AccessionNumber", hostile + "*",
                "PatientName", hostile, "StudyInstanceUID", "1.2.3,1.2.4", "Modality", "XQZ", "offset", "7",
                "limit", "5"));

        assertThat(statement.sql()).doesNotContain("x'", "1.2.3", "XQZ").contains("LIMIT ? OFFSET ?");
        assertThat(statement.arguments()).containsExactlyInAnyOrder(hostile, "x' or '1'='1", "x' OR '1'='1%",
                "1.2.3", "1.2.4", "XQZ", 6L, 7);
    }

    @Test
    void escapesTheLikeSpecialCharactersOfAWildcardValue() {
        assertThat(Condition.Wildcard.pattern("a*b?c%d_e!f")).isEqualTo("a%b_c!%d!_e!!f");
    }

    @Test
    void extendsTheUpperBoundOfATimeRangeToTheEndOfItsPrecision() throws Exception {
        var statement = statement(QueryLevel.STUDY, Map.of("StudyTime", "0800-1200", "StudyDate", "-20261231"));

        assertThat(statement.arguments()).contains("0800", "1200~", "20261231");
        assertThat(statement.sql()).contains("st.study_time <> ''", "st.study_date <> ''");
    }

    @Test
    void matchesKeysOfLowerLevelsThroughTheChildrenOfEachResult() throws Exception {
        var studies = statement(QueryLevel.STUDY, Map.of("SOPClassUID", "1.2.840.10008.5.1.4.1.1.4"));
        var series = statement(QueryLevel.SERIES, Map.of("InstanceNumber", "3"));

        assertThat(studies.sql()).contains("EXISTS (SELECT 1 FROM instance i JOIN series se ON se.series_uid ="
                + " i.series_uid WHERE i.study_uid = st.study_uid AND i.sop_class_uid = ?)");
        assertThat(series.sql()).contains("EXISTS (SELECT 1 FROM instance i WHERE i.series_uid = se.series_uid"
                + " AND i.instance_number = ?)");
    }

    private static SearchSql.Statement statement(QueryLevel level, Map<String, String> query) throws Exception {
        var parameters = new LinkedHashMap<String, List<String>>();
        query.forEach((name, value) -> parameters.put(name, List.of(value)));
        var request = new SearchParameters(1000).parse(new SearchRequest.Scope(level, null, null), parameters,
                SERVICE);
        return SearchSql.of(request);
    }
}
