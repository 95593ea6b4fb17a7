// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.report;

import java.util.List;

/** A report request that cannot be served, with the reason as a {@link ReportFailure}. */
public final class ReportException extends Exception {

    private final ReportFailure failure;
    private final List<String> fields;

    public ReportException(ReportFailure failure, String detail) {
        this(failure, detail, List.of());
    }

    /** @param fields the request fields at fault, by name. */
    public ReportException(ReportFailure failure, String detail, List<String> fields) {
        super(detail);
        this.failure = failure;
        this.fields = List.copyOf(fields);
    }

    public ReportException(ReportFailure failure, String detail, Throwable cause) {
        super(detail, cause);
        this.failure = failure;
        this.fields = List.of();
    }

    public ReportFailure failure() {
        return failure;
    }

    public List<String> fields() {
        return fields;
    }
}
