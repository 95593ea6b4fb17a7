// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The SOAP samples under {@code src/test/resources/samples}, with their {@code ${name}} placeholders filled.
 * {@code ${uid}} (a fresh OID arc) and {@code ${uuid}} get fresh values unless given.
 */
public final class Samples {

    /** A regional patient ID of the demo affinity domain. */
    public static final String PATIENT = "PAT-001^^^&1.3.6.1.4.1.21367.2005.13.20.1000&ISO";
    public static final String OTHER_PATIENT = "PAT-002^^^&1.3.6.1.4.1.21367.2005.13.20.1000&ISO";

    private static final AtomicLong UIDS = new AtomicLong(System.currentTimeMillis());

    private Samples() {
    }

    /** A patient ID of the demo affinity domain that no test has used yet. */
    public static String freshPatient() {
        return "PAT-" + freshUid() + "^^^&1.3.6.1.4.1.21367.2005.13.20.1000&ISO";
    }

    public static String freshUid() {
        return Long.toString(UIDS.incrementAndGet());
    }

    public static String load(String name, Map<String, String> values) {
        var all = new HashMap<String, String>();
        all.put("uid", freshUid());
        all.put("uuid", UUID.randomUUID().toString());
        all.put("patientId", PATIENT);
        all.put("ssUid", freshUid());
        all.put("docId", "Document01");
        all.put("folderId", "Folder01");
        all.put("folderUid", freshUid());
        all.put("hash", "da39a3ee5e6b4b0d3255bfef95601890afd80709");
        all.put("size", "0");
        all.putAll(values);
        String text = read(name);
        for (var entry : all.entrySet()) {
            text = text.replace("${" + entry.getKey() + "}", xmlEscaped(entry.getValue()));
        }
        if (text.contains("${")) {
            throw new IllegalArgumentException(name + " has a placeholder without a value: "
                    + text.substring(text.indexOf("${"), Math.min(text.length(), text.indexOf("${") + 30)));
        }
        return text;
    }

    public static String load(String name) {
        return load(name, Map.of());
    }

    private static String read(String name) {
        try (var in = Samples.class.getResourceAsStream("/samples/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String xmlEscaped(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
