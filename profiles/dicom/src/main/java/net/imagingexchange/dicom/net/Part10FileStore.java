// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;

import net.imagingexchange.dicom.io.DicomWriter;
import net.imagingexchange.dicom.io.TransferSyntax;

/**
 * Stores each received instance as a Part 10 file {@code <directory>/<SOP Instance UID>.dcm}: the File Meta
 * Information built from the request, then the data set's bytes exactly as received. Written to a temporary file,
 * forced to disk and renamed, so that success is acknowledged only for a complete, durable file.
 */
public final class Part10FileStore implements StoreHandler {

    private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");

    private final Path directory;

    public Part10FileStore(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    /** Where an instance is stored. */
    public Path file(String sopInstanceUid) {
        return directory.resolve(sopInstanceUid + ".dcm");
    }

    @Override
    public int store(StoreRequest request, InputStream dataset) throws IOException {
        if (request.sopInstanceUid() == null || !UID.matcher(request.sopInstanceUid()).matches()
                || request.sopInstanceUid().length() > 64 || request.sopClassUid() == null) {
            return CANNOT_UNDERSTAND; // also keeps a crafted UID out of the file name
        }
        Path temporary = Files.createTempFile(directory, "receiving-", ".part");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(channel)) {
                var meta = DicomWriter.fileMeta(request.sopClassUid(), request.sopInstanceUid(),
                        TransferSyntax.of(request.transferSyntaxUid()));
                DicomWriter.writeFileHeader(out, meta);
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = dataset.read(buffer)) != -1) {
                    out.write(buffer, 0, n);
                }
                out.flush();
                channel.force(true);
            }
            Files.move(temporary, file(request.sopInstanceUid()), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            return SUCCESS;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
