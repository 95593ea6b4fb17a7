// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.region;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import net.imagingexchange.consumer.ConsumerProperties;

/**
 * The region's imaging sources as this adapter knows them by configuration: the RAD-69 endpoint of a Retrieve
 * Location UID (spec/xdsi.md 3.5 step 3), and the hosts whose WADO-RS Retrieve URLs may be followed (4.2: a manifest's
 * URL is only followed when its host is on the allow-list, MADO's warning against rewritten URLs).
 */
public final class ImagingSources {

    private final List<ConsumerProperties.ImagingSource> sources;
    private final Supplier<String> ownServer;

    /** @param ownServer this exchange's own base URL, for a source hosted here ({@code local}). */
    public ImagingSources(List<ConsumerProperties.ImagingSource> sources, Supplier<String> ownServer) {
        this.sources = List.copyOf(sources);
        this.ownServer = ownServer;
    }

    /** The RAD-69 endpoint of the source a manifest's Retrieve Location UID names. */
    public Optional<String> rad69Url(String retrieveLocationUid) {
        return source(retrieveLocationUid).map(s -> !s.rad69Url().isBlank() ? s.rad69Url()
                : s.local() ? ownServer.get() + "/imaging-source/rad69" : null);
    }

    /**
     * Whether a series' WADO-RS Retrieve URL may be followed: its scheme is HTTP(S) and its host is one the source of
     * that Retrieve Location UID is known to serve from (a local source: this server's own).
     */
    public boolean mayFollow(String retrieveLocationUid, String retrieveUrl) {
        URI uri;
        try {
            uri = URI.create(retrieveUrl);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            return false;
        }
        String hostPort = hostPort(uri);
        return source(retrieveLocationUid).map(s -> s.wadoRsHosts().stream()
                        .anyMatch(h -> h.equalsIgnoreCase(hostPort)) || s.local() && isOwnServer(uri))
                .orElse(false);
    }

    /**
     * The path, within this server's servlet context, of a WADO-RS resource of a source hosted here ({@code local}),
     * so that it can be asked in-process; empty for any other source, or a URL on the allow-list but not this server.
     */
    public Optional<String> localPath(String retrieveLocationUid, String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String context = URI.create(ownServer.get()).getRawPath();
        String path = uri.getRawPath();
        if (uri.getHost() == null || path == null || !path.startsWith(context + "/")
                || !source(retrieveLocationUid).map(ConsumerProperties.ImagingSource::local).orElse(false)
                || !isOwnServer(uri)) {
            return Optional.empty();
        }
        return Optional.of(path.substring(context.length()) + (uri.getRawQuery() == null ? ""
                : "?" + uri.getRawQuery()));
    }

    /** This server by its port, on a loopback name or address (no name is resolved). */
    private boolean isOwnServer(URI uri) {
        URI own = URI.create(ownServer.get());
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
        return hostPort(uri).equalsIgnoreCase(hostPort(own)) || loopback && port(uri) == port(own);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private Optional<ConsumerProperties.ImagingSource> source(String retrieveLocationUid) {
        return sources.stream().filter(s -> s.retrieveLocationUid().equals(retrieveLocationUid)).findFirst();
    }

    private static String hostPort(URI uri) {
        return uri.getHost() + ":" + port(uri);
    }
}
