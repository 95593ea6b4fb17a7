// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.patientfeed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The HL7 v2 samples under {@code src/test/resources/samples/iti8}, one segment a line in the file, returned with the
 * segments ended by {@code \r} as they go on the wire.
 */
final class FeedSamples {

    /** The demo affinity domain's assigning authority (profiles/xds demo-region.yaml). */
    static final String DOMAIN = "&1.3.6.1.4.1.21367.2005.13.20.1000&ISO";

    private FeedSamples() {
    }

    static String load(String name) {
        try (var in = FeedSamples.class.getResourceAsStream("/samples/iti8/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return text.strip().replace("\r\n", "\n").replace('\n', '\r') + "\r";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A patient ID of the demo domain, as the registry stores it. */
    static String patient(String id) {
        return id + "^^^" + DOMAIN;
    }
}
