// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import net.imagingexchange.dicom.io.DicomWriter;
import net.imagingexchange.dicom.io.TransferSyntax;
import net.imagingexchange.dicom.net.AcceptorSettings;
import net.imagingexchange.dicom.net.DicomServer;
import net.imagingexchange.dicom.net.Part10FileStore;
import net.imagingexchange.dicom.net.StoreHandler;
import net.imagingexchange.dicom.net.StoreRequest;

/**
 * Our C-STORE SCP as the DICOM store bench runs it, in a JVM of its own: {@link DicomServer} on 127.0.0.1 with
 * {@link AcceptorSettings#defaults} (every SOP class, 256 KiB PDUs, 32 associations) storing into
 * {@link Part10FileStore}, until the process is stopped. With {@code fsync=false} the store handler is instead the
 * bench's {@link UnsyncedFileStore}, for the reference row that shows what the fsync costs.
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
                : new UnsyncedFileStore(directory);
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
                + directory + " with " + store.getClass().getSimpleName());
        new CountDownLatch(1).await(); // the server's threads are daemons: serve until stopped
    }

    /**
     * The reference store: {@link Part10FileStore}'s steps (a temporary file in the directory, the File Meta
     * Information built from the request, the data set's bytes as received through the same channel stream, a
     * rename to {@code <SOP Instance UID>.dcm}) without {@code FileChannel.force}, so that the file is left to the
     * kernel's write-back, as storescp leaves its files. Not for use outside the bench: a success it acknowledges is
     * not durable.
     */
    static final class UnsyncedFileStore implements StoreHandler {

        private final Path directory;

        UnsyncedFileStore(Path directory) throws IOException {
            this.directory = Files.createDirectories(directory);
        }

        @Override
        public int store(StoreRequest request, InputStream dataset) throws IOException {
            if (request.sopInstanceUid() == null || !request.sopInstanceUid().matches("[0-9]+(\\.[0-9]+)*")
                    || request.sopClassUid() == null) {
                return CANNOT_UNDERSTAND;
            }
            // Part10FileStore's steps (one open, the header in one write, large blocks) without its two fsyncs
            Path temporary = directory.resolve("receiving-" + UUID.randomUUID() + ".part");
            try {
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                     OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 256 * 1024)) {
                    var header = new ByteArrayOutputStream(512);
                    DicomWriter.writeFileHeader(header, DicomWriter.fileMeta(request.sopClassUid(),
                            request.sopInstanceUid(), TransferSyntax.of(request.transferSyntaxUid())));
                    header.writeTo(out);
                    byte[] buffer = new byte[64 * 1024];
                    int n;
                    while ((n = dataset.read(buffer)) != -1) {
                        out.write(buffer, 0, n);
                    }
                    out.flush();
                }
                Files.move(temporary, directory.resolve(request.sopInstanceUid() + ".dcm"),
                        StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return SUCCESS;
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
    }
}
