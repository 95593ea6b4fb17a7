// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.send;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The destinations a study may be pushed to: those configured ({@code consumer.send.destinations}), and those
 * defined at run time by the application that embeds the adapter (or a test); the latter are not persisted. A job
 * names its destination and finds it again at each attempt, so a changed destination applies to the next attempt.
 */
public final class Destinations {

    private final Map<String, Destination> configured;
    private final Map<String, Destination> defined = new ConcurrentHashMap<>();
    private final String defaultName;

    /** @param defaultName the destination of requests that name none; empty means the only one there is. */
    public Destinations(List<Destination> configured, String defaultName) {
        var byName = new TreeMap<String, Destination>();
        configured.forEach(d -> byName.put(d.name(), d));
        this.configured = Map.copyOf(byName);
        this.defaultName = defaultName;
        if (!defaultName.isEmpty() && !byName.containsKey(defaultName)) {
            throw new IllegalArgumentException("consumer.send.default-destination names " + defaultName
                    + ", which is not among the destinations " + byName.keySet());
        }
    }

    /** Builds them from the configuration; the calling AE title of a DICOM node defaults to the site's. */
    static Destinations of(SendProperties properties, String siteAeTitle) {
        var list = properties.destinations().entrySet().stream().map(e -> {
            SendProperties.Node node = e.getValue();
            SendProperties.Retry retry = node.retry() != null ? node.retry() : properties.retry();
            if (node.type() == null) {
                throw new IllegalArgumentException("consumer.send.destinations." + e.getKey()
                        + ".type is missing: dicom or dicomweb");
            }
            return node.type() == Destination.Type.DICOM
                    ? Destination.dicom(e.getKey(), node.host(), node.port(), node.calledAeTitle(),
                    node.callingAeTitle().isEmpty() ? siteAeTitle : node.callingAeTitle(), retry)
                    : Destination.dicomWeb(e.getKey(), node.url(), retry);
        }).toList();
        return new Destinations(list, properties.defaultDestination());
    }

    /**
     * Adds or replaces a destination until the process ends (a configured one cannot be replaced): for the tests of
     * this package, which share one running adapter; production destinations are configured.
     */
    void define(Destination destination) {
        if (configured.containsKey(destination.name())) {
            throw new IllegalArgumentException("destination " + destination.name() + " is configured");
        }
        defined.put(destination.name(), destination);
    }

    /** Removes a destination {@link #define}d. */
    void remove(String name) {
        defined.remove(name);
    }

    public Optional<Destination> find(String name) {
        Destination destination = configured.get(name);
        return destination != null ? Optional.of(destination) : Optional.ofNullable(defined.get(name));
    }

    /** The default destination: the configured default, else the only destination there is. */
    public Optional<Destination> defaultDestination() {
        if (!defaultName.isEmpty()) {
            return find(defaultName);
        }
        List<String> all = names();
        return all.size() == 1 ? find(all.get(0)) : Optional.empty();
    }

    /** Every destination's name, sorted. */
    public List<String> names() {
        var all = new TreeMap<String, Destination>(defined);
        all.putAll(configured);
        return List.copyOf(all.keySet());
    }
}
