// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb.qido;

/**
 * The level a search returns (PS3.18 10.6.1, Study Root information model of PS3.4 C.6.2): one result per study,
 * series or instance. Patient attributes are held per study, so they count as study attributes.
 */
public enum QueryLevel {
    STUDY("SearchForStudies"),
    SERIES("SearchForSeries"),
    INSTANCE("SearchForInstances");

    private final String transaction;

    QueryLevel(String transaction) {
        this.transaction = transaction;
    }

    /** The action's name in PS3.18 10.6.1, for log lines. */
    public String transaction() {
        return transaction;
    }

    /** Whether this level is {@code other} or one of its parents (study above series above instance). */
    public boolean isAtOrAbove(QueryLevel other) {
        return ordinal() <= other.ordinal();
    }
}
