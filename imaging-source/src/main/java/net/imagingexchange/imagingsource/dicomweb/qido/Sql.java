// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb.qido;

import java.util.ArrayList;
import java.util.List;

/**
 * A statement being built: its text, made only of this package's constants and placeholders, and the values bound
 * to those placeholders in order. Nothing a request says ever becomes statement text.
 */
final class Sql {

    private final StringBuilder text = new StringBuilder(512);
    private final List<Object> arguments = new ArrayList<>();

    Sql append(String constant) {
        text.append(constant);
        return this;
    }

    /** Appends a placeholder bound to {@code value}. */
    Sql bind(Object value) {
        text.append('?');
        arguments.add(value);
        return this;
    }

    /** Appends {@code (?, ?, ...)}, one placeholder per value. */
    Sql bindList(List<?> values) {
        text.append('(');
        for (int i = 0; i < values.size(); i++) {
            text.append(i == 0 ? "?" : ", ?");
            arguments.add(values.get(i));
        }
        text.append(')');
        return this;
    }

    String text() {
        return text.toString();
    }

    Object[] arguments() {
        return arguments.toArray();
    }
}
