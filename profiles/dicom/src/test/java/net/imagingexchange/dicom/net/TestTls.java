// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.net;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import net.imagingexchange.dicom.testing.Dcmtk;

/** Self-signed test identities made by openssl (PEM, as dcmtk reads them) and the Java TLS contexts using them. */
final class TestTls {

    private TestTls() {
    }

    /** Writes {@code <name>.key} (PKCS#8) and {@code <name>.pem} (self-signed, 2 days) under {@code dir}. */
    static void identity(Path dir, String name) throws Exception {
        Dcmtk.runTool("/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=" + name, "-keyout", dir.resolve(name + ".key").toString(),
                "-out", dir.resolve(name + ".pem").toString());
    }

    /** Presents {@code <own>.key}/{@code .pem} and trusts only {@code <trusted>.pem}. */
    static SSLContext context(Path dir, String own, String trusted) throws Exception {
        var certificates = CertificateFactory.getInstance("X.509");
        Certificate ownCertificate = certificates.generateCertificate(Files.newInputStream(dir.resolve(own + ".pem")));
        byte[] key = pem(dir.resolve(own + ".key"));
        var privateKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(key));
        var keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("own", privateKey, new char[0], new Certificate[] {ownCertificate});
        var trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("peer", certificates.generateCertificate(
                Files.newInputStream(dir.resolve(trusted + ".pem"))));
        var keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, new char[0]);
        var trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        var context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return context;
    }

    private static byte[] pem(Path file) throws Exception {
        String text = Files.readString(file);
        String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }
}
