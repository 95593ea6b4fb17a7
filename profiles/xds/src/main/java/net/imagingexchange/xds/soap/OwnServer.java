// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.xds.soap;

import java.util.function.Supplier;

import org.springframework.core.env.Environment;

/**
 * The URL of a path on this process's own HTTP server, for an actor that calls another actor hosted beside it (the
 * exchange's repository registering with its registry, its imaging source publishing to its repository). Resolve it
 * once the server listens: before that, a random port ({@code server.port=0}) is not known.
 */
public final class OwnServer {

    private OwnServer() {
    }

    /** {@code http(s)://localhost:<port><context path><path>}. */
    public static String url(Environment environment, String path) {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String scheme = environment.getProperty("server.ssl.enabled", Boolean.class, false) ? "https" : "http";
        String context = environment.getProperty("server.servlet.context-path", "");
        return scheme + "://localhost:" + port + context + path;
    }

    /**
     * The configured URL of a peer, or this server's own {@code path} when none is configured (the peer is hosted
     * beside the caller); the latter is resolved at each call, so that it may be taken before the server listens.
     */
    public static Supplier<String> orOwn(String configured, Environment environment, String path) {
        return configured.isBlank() ? () -> url(environment, path) : () -> configured;
    }
}
