// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.net;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

import net.imagingexchange.dicom.Uids;
import net.imagingexchange.dicom.io.DicomWriter;
import net.imagingexchange.dicom.io.TransferSyntax;

/**
 * Stores each received instance as a Part 10 file {@code <directory>/<SOP Instance UID>.dcm}: the File Meta
 * Information built from the request, then the data set's bytes exactly as received. Written to a temporary file,
 * forced to disk, renamed, and the directory forced, so that success is acknowledged only for a complete file that
 * a crash cannot lose (DESIGN.md 6).
 */
public final class Part10FileStore implements StoreHandler {

    private static final int BLOCK = 256 * 1024;

    private final Path directory;
    private final boolean durable;

    /** Opens (and creates) the directory, removing the incomplete files a crash left. */
    public Part10FileStore(Path directory) throws IOException {
        this(directory, true);
    }

    /**
     * As {@link #Part10FileStore(Path)}, but without the two fsyncs: a crash may lose acknowledged instances. For
     * measuring what durability costs (bench), never for a store that acknowledges to a peer.
     */
    public static Part10FileStore withoutFsync(Path directory) throws IOException {
        return new Part10FileStore(directory, false);
    }

    private Part10FileStore(Path directory, boolean durable) throws IOException {
        this.durable = durable;
        this.directory = Files.createDirectories(directory);
        try (var leftovers = Files.newDirectoryStream(directory, "receiving-*.part")) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover); // never acknowledged: the C-STORE failed or the process died
            }
        }
    }

    /** Where an instance is stored. */
    public Path file(String sopInstanceUid) {
        return directory.resolve(sopInstanceUid + ".dcm");
    }

    @Override
    public int store(StoreRequest request, InputStream dataset) throws IOException {
        if (!Uids.isUid(request.sopInstanceUid()) || request.sopClassUid() == null) {
            return CANNOT_UNDERSTAND; // also keeps a crafted UID out of the file name
        }
        Path temporary = directory.resolve("receiving-" + UUID.randomUUID() + ".part");
        try {
            // one open, the header in one write, the data set in large blocks: few system calls per instance
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BLOCK)) {
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
                if (durable) {
                    channel.force(true);
                }
            }
            Files.move(temporary, file(request.sopInstanceUid()), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            if (durable) {
                forceDirectory(); // the rename is durable only once the directory is
            }
            return SUCCESS;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private void forceDirectory() throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
