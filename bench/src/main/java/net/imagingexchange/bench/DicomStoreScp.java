// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import net.imagingexchange.dicom.net.AcceptorSettings;
import net.imagingexchange.dicom.net.DicomServer;
import net.imagingexchange.dicom.net.Part10FileStore;
import net.imagingexchange.dicom.net.StoreHandler;

/**
 * Our C-STORE SCP as the DICOM store bench runs it, in a JVM of its own: {@link DicomServer} on 127.0.0.1 with
 * {@link AcceptorSettings#defaults} (every SOP class, 256 KiB PDUs, 32 associations) storing into
 * {@link Part10FileStore}, until the process is stopped. With {@code fsync=false} the store is
 * {@link Part10FileStore#withoutFsync}, for the reference row that shows what the fsyncs cost.
 *
 * <p>usage: {@code DicomStoreScp <AE title> <port> <directory> <fsync: true|false>}
 */
public final class DicomStoreScp {

    private DicomStoreScp() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4 || !args[3].matches("true|false")) {
            System.err.println("usage: DicomStoreScp <AE title> <port> <directory> <fsync: true|false>");
            System.exit(2);
        }
        Path directory = Path.of(args[2]).toAbsolutePath();
        StoreHandler store = Boolean.parseBoolean(args[3]) ? new Part10FileStore(directory)
                : Part10FileStore.withoutFsync(directory);
        var server = DicomServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                Integer.parseInt(args[1])), AcceptorSettings.defaults(args[0]), store);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (IOException e) {
                // exiting anyway
            }
        }, "dicom-store-scp-stop"));
        System.out.println("DicomStoreScp: " + args[0] + " on 127.0.0.1:" + server.port() + ", storing into "
                + directory + (Boolean.parseBoolean(args[3]) ? "" : " without fsync"));
        new CountDownLatch(1).await(); // the server's threads are daemons: serve until stopped
    }
}
