// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.storage;

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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import net.imagingexchange.dicom.Uids;
import net.imagingexchange.dicom.io.DicomWriter;
import net.imagingexchange.dicom.io.TransferSyntax;

/**
 * The received instances as Part 10 files, {@code <instances>/<Study Instance UID>/<SOP Instance UID>.dcm}: the
 * File Meta Information, then the data set exactly as received (DESIGN.md 6). An instance is first written to
 * {@code <incoming>} and forced to disk ({@link #receive}), then moved into its study ({@link #keep}) once its header
 * has been read and checked; each step is durable before the next, so an acknowledged instance survives a crash.
 */
public final class InstanceStore {

    private static final int BLOCK = 256 * 1024;

    private final Path instances;
    private final Path incoming;

    /** A received data set in its temporary file. */
    public record Received(Path file, long size, String datasetSha1) {
    }

    /** Opens (and creates) both directories, removing what a crash left in {@code incoming}. */
    public InstanceStore(Path instances, Path incoming) throws IOException {
        this.instances = Files.createDirectories(instances);
        this.incoming = Files.createDirectories(incoming);
        try (var leftovers = Files.newDirectoryStream(incoming, "receiving-*.part")) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover); // never acknowledged
            }
        }
    }

    /**
     * Writes the File Meta Information and then the data set as it streams in to a temporary file, forced to disk.
     *
     * @param dataset the data set's bytes in {@code transferSyntaxUid}, read to its end.
     */
    public Received receive(String sopClassUid, String sopInstanceUid, String transferSyntaxUid, InputStream dataset)
            throws IOException {
        Path temporary = incoming.resolve("receiving-" + UUID.randomUUID() + ".part");
        boolean done = false;
        try {
            MessageDigest sha1 = sha1();
            long size;
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BLOCK)) {
                var header = new ByteArrayOutputStream(512);
                DicomWriter.writeFileHeader(header, DicomWriter.fileMeta(sopClassUid, sopInstanceUid,
                        TransferSyntax.of(transferSyntaxUid)));
                header.writeTo(out);
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = dataset.read(buffer)) != -1) {
                    sha1.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
                out.flush();
                channel.force(true);
                size = channel.size();
            }
            done = true;
            return new Received(temporary, size, HexFormat.of().formatHex(sha1.digest()));
        } finally {
            if (!done) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /**
     * Moves a received file into its study, replacing an earlier copy, and makes the move durable.
     *
     * @return the file's name relative to the instances directory.
     */
    public String keep(Received received, String studyInstanceUid, String sopInstanceUid) throws IOException {
        if (!Uids.isUid(studyInstanceUid) || !Uids.isUid(sopInstanceUid)) {
            throw new IllegalArgumentException("not UIDs: " + studyInstanceUid + ", " + sopInstanceUid);
        }
        Path study = instances.resolve(studyInstanceUid);
        if (!Files.isDirectory(study)) {
            Files.createDirectories(study);
            force(instances); // the new study directory's entry
        }
        Files.move(received.file(), instances.resolve(fileName(studyInstanceUid, sopInstanceUid)),
                StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        force(study);
        return fileName(studyInstanceUid, sopInstanceUid);
    }

    /** The name of an instance's file relative to the instances directory. */
    public static String fileName(String studyInstanceUid, String sopInstanceUid) {
        return studyInstanceUid + "/" + sopInstanceUid + ".dcm";
    }

    /** Removes a received file that is not kept. */
    public void discard(Received received) throws IOException {
        Files.deleteIfExists(received.file());
    }

    /** The file of an indexed instance. */
    public Path file(String fileName) {
        return instances.resolve(fileName);
    }

    /** Every kept file's name, relative to the instances directory. */
    public List<String> fileNames() throws IOException {
        var names = new ArrayList<String>();
        try (Stream<Path> studies = Files.list(instances)) {
            for (Path study : studies.filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.list(study)) {
                    files.filter(f -> f.getFileName().toString().endsWith(".dcm"))
                            .forEach(f -> names.add(study.getFileName() + "/" + f.getFileName()));
                }
            }
        }
        return names;
    }

    private static void force(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** A new SHA-1 digest, as the index keeps for each data set. */
    public static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
