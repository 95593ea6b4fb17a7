// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb.qido;

import java.util.List;
import java.util.Locale;

/**
 * How one match key selects values of a column (PS3.4 C.2.2.2), written as an SQL predicate whose values are all
 * bound. The index keeps absent values as empty strings, which no condition matches (C.2.2.2: an empty value matches
 * only Universal Matching).
 */
sealed interface Condition {

    /** Appends the predicate on {@code column}, a constant SQL expression. */
    void appendTo(Sql sql, String column);

    /** Single Value Matching (C.2.2.2.1); {@code ignoreCase} for PN. */
    record Equal(String value, boolean ignoreCase) implements Condition {
        @Override
        public void appendTo(Sql sql, String column) {
            if (ignoreCase) {
                sql.append("LOWER(").append(column).append(") = ").bind(value.toLowerCase(Locale.ROOT));
            } else {
                sql.append(column).append(" = ").bind(value);
            }
        }
    }

    /**
     * Wild Card Matching (C.2.2.2.4): {@code *} any sequence, {@code ?} any one character, everything else itself,
     * as a LIKE pattern whose own special characters are escaped.
     */
    record Wildcard(String value, boolean ignoreCase) implements Condition {

        /** The escape character of the LIKE patterns, declared in each predicate (both H2 and MariaDB honour it). */
        static final char ESCAPE = '!';

        @Override
        public void appendTo(Sql sql, String column) {
            String pattern = pattern(ignoreCase ? value.toLowerCase(Locale.ROOT) : value);
            sql.append(ignoreCase ? "LOWER(" + column + ")" : column).append(" LIKE ").bind(pattern)
                    .append(" ESCAPE '" + ESCAPE + "'");
        }

        static String pattern(String wildcard) {
            var like = new StringBuilder(wildcard.length() + 8);
            for (char c : wildcard.toCharArray()) {
                switch (c) {
                    case '*' -> like.append('%');
                    case '?' -> like.append('_');
                    case '%', '_', ESCAPE -> like.append(ESCAPE).append(c);
                    default -> like.append(c);
                }
            }
            return like.toString();
        }
    }

    /** List of UID Matching (C.2.2.2.2), or one of several values. */
    record OneOf(List<String> values) implements Condition {
        public OneOf {
            values = List.copyOf(values);
        }

        @Override
        public void appendTo(Sql sql, String column) {
            sql.append(column).append(" IN ").bindList(values);
        }
    }

    /**
     * Range Matching (C.2.2.2.5) of DA or TM values, compared as strings: both are fixed-order digits. An open end
     * is null. The upper bound of a TM is extended to the end of its precision ({@code 1200} takes in 12:00:59.9),
     * by appending a character above every digit and '.'.
     */
    record Range(String lower, String upper, boolean time) implements Condition {
        @Override
        public void appendTo(Sql sql, String column) {
            sql.append("(").append(column).append(" <> ''");
            if (lower != null) {
                sql.append(" AND ").append(column).append(" >= ").bind(lower);
            }
            if (upper != null) {
                sql.append(" AND ").append(column).append(" <= ").bind(time ? upper + "~" : upper);
            }
            sql.append(")");
        }
    }

    /** Any of several conditions (the values of a multi-valued key such as Modalities in Study). */
    record AnyOf(List<Condition> conditions) implements Condition {
        public AnyOf {
            conditions = List.copyOf(conditions);
        }

        @Override
        public void appendTo(Sql sql, String column) {
            sql.append("(");
            for (int i = 0; i < conditions.size(); i++) {
                if (i > 0) {
                    sql.append(" OR ");
                }
                conditions.get(i).appendTo(sql, column);
            }
            sql.append(")");
        }
    }
}
