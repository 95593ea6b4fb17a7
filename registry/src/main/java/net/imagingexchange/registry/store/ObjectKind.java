// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.store;

/** The four kinds of top-level XDS registry objects (ITI TF-3 4.1.1) and the table each lives in. */
public enum ObjectKind {
    DOCUMENT_ENTRY("document_entry"),
    SUBMISSION_SET("submission_set"),
    FOLDER("folder"),
    ASSOCIATION("association");

    private final String table;

    ObjectKind(String table) {
        this.table = table;
    }

    public String table() {
        return table;
    }
}
