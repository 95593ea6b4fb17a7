// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The WHERE clause of one stored query over one table, built from bind parameters only: values never become SQL
 * text. Column and table names come from this package's code, never from the request. Each method ignores a
 * {@code null} value (the parameter was not in the query); an empty list matches nothing.
 */
final class Criteria {

    private final String alias;
    private final List<String> conditions = new ArrayList<>();
    private final MapSqlParameterSource parameters = new MapSqlParameterSource();

    /** @param alias the alias of the queried table in the FROM clause, e.g. {@code de}. */
    Criteria(String alias) {
        this.alias = alias;
    }

    Criteria equalTo(String column, String value) {
        if (value != null) {
            conditions.add(alias + "." + column + " = :" + bind(value));
        }
        return this;
    }

    /** The column holds one of the values (an OR-list). */
    Criteria in(String column, Collection<String> values) {
        if (values != null) {
            conditions.add(values.isEmpty() ? "1 = 0" : alias + "." + column + " IN (:" + bind(values) + ")");
        }
        return this;
    }

    /** ITI TF-2 3.18.4.1.2.3.7.1: a ...From bound is inclusive; a missing attribute never matches a bound. */
    Criteria notBefore(String column, String from) {
        if (from != null) {
            conditions.add(alias + "." + column + " >= :" + bind(from));
        }
        return this;
    }

    /** ITI TF-2 3.18.4.1.2.3.7.1: a ...To bound is exclusive. */
    Criteria before(String column, String to) {
        if (to != null) {
            conditions.add(alias + "." + column + " < :" + bind(to));
        }
        return this;
    }

    /**
     * A multi-valued attribute held in a child table: for each OR-list, some row of this object must hold one of
     * its values, one EXISTS per list (ITI TF-2 3.18.4.1.2.3.5: repeated slots of one parameter are ANDed, the
     * values within one slot are ORed).
     */
    Criteria allOf(ChildTable child, List<List<String>> orLists) {
        if (orLists != null) {
            for (List<String> orList : orLists) {
                anyOf(child, orList);
            }
        }
        return this;
    }

    /** Some row of the child table holds one of the values. */
    Criteria anyOf(ChildTable child, List<String> values) {
        if (values != null) {
            conditions.add(values.isEmpty() ? "1 = 0" : child.exists(alias) + " AND c." + child.column()
                    + " IN (:" + bind(values) + "))");
        }
        return this;
    }

    /** ITI TF-2 3.18.4.1.2.3.7.1: authorPerson values match with SQL LIKE wildcards ({@code %}, {@code _}). */
    Criteria anyLike(ChildTable child, List<String> patterns) {
        if (patterns != null && !patterns.isEmpty()) {
            var likes = new ArrayList<String>();
            for (String pattern : patterns) {
                likes.add("c." + child.column() + " LIKE :" + bind(pattern));
            }
            conditions.add(child.exists(alias) + " AND (" + String.join(" OR ", likes) + "))");
        }
        return this;
    }

    String where() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    MapSqlParameterSource parameters() {
        return parameters;
    }

    private String bind(Object value) {
        String name = "p" + (parameters.getValues().size() + 1);
        parameters.addValue(name, value);
        return name;
    }

    /** A child table of multi-valued attributes, keyed by {@code entry_uuid}, with alias {@code c}. */
    record ChildTable(String table, String kindCondition, String column) {

        static final ChildTable EVENT_CODES = new ChildTable("document_entry_code", "c.kind = 'E'", "code");
        static final ChildTable CONFIDENTIALITY_CODES = new ChildTable("document_entry_code", "c.kind = 'C'", "code");
        static final ChildTable DOCUMENT_AUTHORS = new ChildTable("document_entry_author", null, "person");
        static final ChildTable REFERENCE_IDS = new ChildTable("document_entry_reference", null, "reference_id");
        static final ChildTable SUBMISSION_SET_AUTHORS = new ChildTable("submission_set_author", null, "person");
        static final ChildTable FOLDER_CODES = new ChildTable("folder_code", null, "code");

        String exists(String outerAlias) {
            return "EXISTS (SELECT 1 FROM " + table + " c WHERE c.entry_uuid = " + outerAlias + ".entry_uuid"
                    + (kindCondition == null ? "" : " AND " + kindCondition);
        }
    }
}
