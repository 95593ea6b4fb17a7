// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.query;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import net.imagingexchange.registry.store.ObjectKind;

/**
 * The reads stored queries make on the registry's tables. Every object table is queried under the alias
 * {@link #ALIAS}; answers come in registration order so that the same query gives the same answer.
 */
final class RegistryTables {

    static final String ALIAS = "o";

    private final NamedParameterJdbcTemplate jdbc;
    private final int rowLimit;

    /** @param maxResults larger answers fail anyway, so no read returns more than one row beyond it. */
    RegistryTables(DataSource dataSource, int maxResults) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.rowLimit = maxResults + 1;
    }

    static Criteria criteria() {
        return new Criteria(ALIAS);
    }

    /** entryUUIDs of the objects of this kind that meet the criteria. */
    List<String> entryUuids(ObjectKind kind, Criteria criteria) {
        var parameters = new MapSqlParameterSource(criteria.parameters().getValues()).addValue("rowLimit", rowLimit);
        return jdbc.queryForList("SELECT " + ALIAS + ".entry_uuid FROM " + kind.table() + " " + ALIAS
                + criteria.where() + " ORDER BY " + ALIAS + ".registered_at, " + ALIAS + ".entry_uuid"
                + " LIMIT :rowLimit", parameters, String.class);
    }

    /** entryUUIDs of the objects of this kind whose entryUUID or uniqueId is in the list. */
    List<String> byIdentifier(ObjectKind kind, List<String> uuids, List<String> uniqueIds) {
        var criteria = criteria();
        if (uuids != null && !uuids.isEmpty()) {
            criteria.in("entry_uuid", uuids);
        } else {
            criteria.in("unique_id", uniqueIds == null ? List.of() : uniqueIds);
        }
        return entryUuids(kind, criteria);
    }

    /** The associations with these entryUUIDs; other ids are skipped. */
    List<Link> associations(Collection<String> uuids) {
        return links("a.entry_uuid IN (:ids)", uuids);
    }

    /** Associations whose sourceObject is one of these objects. */
    List<Link> associationsFrom(Collection<String> sources) {
        return links("a.source_uuid IN (:ids)", sources);
    }

    /** Associations whose sourceObject or targetObject is one of these objects. */
    List<Link> associationsTouching(Collection<String> uuids) {
        return links("a.source_uuid IN (:ids) OR a.target_uuid IN (:ids)", uuids);
    }

    private List<Link> links(String condition, Collection<String> uuids) {
        if (uuids.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT a.entry_uuid, a.type, a.source_uuid, a.target_uuid FROM association a WHERE "
                        + condition + " ORDER BY a.registered_at, a.entry_uuid", Map.of("ids", uuids),
                (rs, i) -> new Link(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    }

    /** An association as stored; {@code type} is its short name (HasMember, RPLC, ...). */
    record Link(String entryUuid, String type, String source, String target) {

        static final String HAS_MEMBER = "HasMember";

        boolean hasMember() {
            return HAS_MEMBER.equals(type);
        }
    }
}
