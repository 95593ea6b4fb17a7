// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb.qido;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.VR;
import net.imagingexchange.dicom.data.Attributes;
import net.imagingexchange.imagingsource.storage.InstanceStore;

/**
 * Runs searches over the imaging source's index, read-only, and makes each matching study, series or instance its
 * result data set (PS3.18 10.6.3.3): the attributes asked for, Specific Character Set {@code ISO_IR 192} (the values
 * are Unicode), Instance Availability {@code ONLINE} (every indexed instance is on this source's disk) and Retrieve
 * URL. Modalities in Study comes from a second query over the page's studies; the pixel description of instances
 * from their files' headers.
 */
public final class QidoSearch {

    /** (0008,0005) of every result: the values are Unicode, and DICOM JSON is UTF-8 (PS3.18 F.2). */
    public static final String CHARACTER_SET = "ISO_IR 192";
    /** (0008,0056) of every result (PS3.18 Table 10.6.3-3): every indexed instance is on this source's disk. */
    public static final String ONLINE = "ONLINE";

    private final JdbcTemplate jdbc;
    private final InstanceStore store;

    /**
     * @param dataSource the imaging source's index ({@code ImagingSourceDatabase}); only read.
     * @param store      where the instances' files are, for their pixel description.
     */
    public QidoSearch(DataSource dataSource, InstanceStore store) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.store = store;
    }

    /**
     * One page of results.
     *
     * @param results the results in order: studies by date, newest first; series and instances by study, then
     *                number.
     * @param more    whether results follow this page.
     */
    public record Page(List<Attributes> results, boolean more) {
        public Page {
            results = List.copyOf(results);
        }
    }

    /** A matching row before it is a data set. */
    private record Row(String studyUid, String seriesUid, String sopInstanceUid, String fileName,
                       Map<QidoAttribute, String> values) {
    }

    /**
     * @param retrieveBase the DICOMweb service's base URL, without a trailing slash: Retrieve URLs are the WADO-RS
     *                     resources {@code <base>/studies/<uid>[/series/<uid>[/instances/<uid>]]} (PS3.18 10.4).
     */
    public Page search(SearchRequest request, String retrieveBase) {
        SearchSql.Statement statement = SearchSql.of(request);
        QueryLevel level = request.scope().level();
        List<Row> rows = jdbc.query(statement.sql(), (row, n) -> row(row, level, statement), statement.arguments());
        boolean more = rows.size() > request.limit();
        if (more) {
            rows = rows.subList(0, request.limit());
        }
        Map<String, List<String>> modalities = request.returned().contains(QidoAttribute.MODALITIES_IN_STUDY)
                ? modalitiesOf(rows) : Map.of();
        var results = new ArrayList<Attributes>(rows.size());
        for (Row row : rows) {
            results.add(result(row, request, modalities, retrieveBase));
        }
        return new Page(results, more);
    }

    private static Row row(ResultSet row, QueryLevel level, SearchSql.Statement statement) throws SQLException {
        var values = new HashMap<QidoAttribute, String>();
        for (int i = 0; i < statement.columns().size(); i++) {
            String value = row.getString(statement.first() + i);
            values.put(statement.columns().get(i), value == null ? "" : value);
        }
        return new Row(row.getString(SearchSql.STUDY_UID),
                level != QueryLevel.STUDY ? row.getString(SearchSql.SERIES_UID) : null,
                level == QueryLevel.INSTANCE ? row.getString(SearchSql.SOP_INSTANCE_UID) : null,
                level == QueryLevel.INSTANCE ? row.getString(SearchSql.FILE_NAME) : null, values);
    }

    // the distinct modalities of each study's series, in one query for the page
    private Map<String, List<String>> modalitiesOf(List<Row> rows) {
        List<String> studies = rows.stream().map(Row::studyUid).distinct().toList();
        if (studies.isEmpty()) {
            return Map.of();
        }
        var sql = new Sql().append("SELECT DISTINCT study_uid, modality FROM series WHERE modality <> ''"
                + " AND study_uid IN ").bindList(studies);
        var modalities = new LinkedHashMap<String, TreeSet<String>>();
        jdbc.query(sql.text(), (ResultSet row) -> {
            modalities.computeIfAbsent(row.getString(1), s -> new TreeSet<>()).add(row.getString(2));
        }, sql.arguments());
        var lists = new HashMap<String, List<String>>();
        modalities.forEach((study, set) -> lists.put(study, List.copyOf(set)));
        return lists;
    }

    private Attributes result(Row row, SearchRequest request, Map<String, List<String>> modalities,
                              String retrieveBase) {
        var result = new Attributes();
        result.setString(Tag.SPECIFIC_CHARACTER_SET, VR.CS, CHARACTER_SET); // first: it encodes the others
        result.setString(Tag.INSTANCE_AVAILABILITY, VR.CS, ONLINE);
        result.setString(Tag.RETRIEVE_URL, VR.UR, retrieveUrl(row, retrieveBase));
        for (var value : row.values().entrySet()) {
            QidoAttribute attribute = value.getKey();
            if (!value.getValue().isEmpty() || attribute.presence() != QidoAttribute.Presence.IF_KNOWN) {
                result.setString(attribute.tag(), attribute.vr(), value.getValue());
            }
        }
        if (request.returned().contains(QidoAttribute.MODALITIES_IN_STUDY)) {
            result.setString(Tag.MODALITIES_IN_STUDY, VR.CS,
                    modalities.getOrDefault(row.studyUid(), List.of()).toArray(String[]::new));
        }
        if (row.fileName() != null && request.returned().stream().anyMatch(a -> a.column() == null
                && a.level() == QueryLevel.INSTANCE)) {
            PixelDescription.read(store.file(row.fileName())).addTo(result, request.returned());
        }
        return result;
    }

    private static String retrieveUrl(Row row, String base) {
        var url = new StringBuilder(base).append("/studies/").append(row.studyUid());
        if (row.seriesUid() != null) {
            url.append("/series/").append(row.seriesUid());
        }
        if (row.sopInstanceUid() != null) {
            url.append("/instances/").append(row.sopInstanceUid());
        }
        return url.toString();
    }
}
