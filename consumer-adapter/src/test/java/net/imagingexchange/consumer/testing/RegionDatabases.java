// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.testing;

import java.util.List;

import net.imagingexchange.imagingsource.testing.TestDatabases;

/**
 * Gives every test application context fresh databases for the registry, repository and imaging source, and a data
 * directory of its own under {@code target} shared by the four actors, the consumer included.
 */
public class RegionDatabases extends TestDatabases {

    public RegionDatabases() {
        super(List.of("consumer"));
    }
}
