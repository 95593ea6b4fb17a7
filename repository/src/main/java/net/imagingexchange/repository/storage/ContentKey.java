// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.storage;

import java.util.regex.Pattern;

/** The address of stored content: the lowercase hex SHA-256 of its bytes. */
public record ContentKey(String sha256) {

    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");

    public ContentKey {
        if (sha256 == null || !HEX_SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("a content key is 64 lowercase hex digits, was " + sha256);
        }
    }
}
