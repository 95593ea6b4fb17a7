// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.xds.domain;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Where the affinity domain is defined (prefix {@code exchange.affinity-domain}).
 *
 * @param location the YAML file of the region's affinity domain (a {@code classpath:} or {@code file:} location).
 *                 The default is the documented demo region; production replaces it.
 */
@ConfigurationProperties("exchange.affinity-domain")
public record AffinityDomainProperties(
        @DefaultValue("classpath:affinity-domain/demo-region.yaml") Resource location) {

    /** Reads the affinity domain; fails at startup when the file is missing or invalid. */
    public AffinityDomain load() {
        try (var in = location.getInputStream()) {
            return AffinityDomain.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the affinity domain from " + location, e);
        }
    }
}
