// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.query;

import net.imagingexchange.registry.testing.RegistryComponentTest;

/** The stored-query conformance cases with the default result limit. */
@RegistryComponentTest
class StoredQueryConformanceTest extends StoredQueryCases {

    @Override
    Integer limit() {
        return null;
    }
}
