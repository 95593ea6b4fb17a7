// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Stream;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.Uids;
import net.imagingexchange.dicom.VR;
import net.imagingexchange.dicom.data.Attributes;
import net.imagingexchange.dicom.io.DicomReader;
import net.imagingexchange.dicom.io.DicomWriter;
import net.imagingexchange.dicom.io.TransferSyntax;

/**
 * The study the DICOM benches send: one CT series (CHEST) of {@code instances} images, {@code rows} x
 * {@code columns}, 16 bits allocated and 12 stored, a diagonal gradient plus seeded noise (deterministic: the same
 * options give byte-identical files), written as Part 10 files in explicit VR little endian by our
 * {@link DicomWriter}, each with its own SOP Instance UID under a UUID-derived root (PS3.5 B.2) of the study's
 * variant: variant 0 is the DICOM store bench's study, variants 1, 2, ... are as many other studies (own Study,
 * Series and SOP Instance UIDs, own Accession Number, the same pixels), since the imaging source keeps a study it
 * was sent once. The patient carries the regional ID an imaging source publishes under: an Other Patient IDs item
 * issued by the affinity domain, no Issuer of Patient ID (the source's own local issuer applies). Written once: a
 * later run with the same options reuses the files ({@code <folder>.properties} beside it says what they are).
 */
final class DicomStudy {

    static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";
    /** The regional patient ID (in the Other Patient IDs Sequence) and its assigning authority, ISO. */
    static final String REGIONAL_PATIENT_ID = "BENCH-REGIONAL-1";
    static final String AFFINITY_DOMAIN = "1.3.6.1.4.1.21367.2005.13.20.1000";
    private static final String VERSION = "2";
    private static final long SEED = 0x1A6E_5707_E2C4L;

    /**
     * Which study to write.
     *
     * @param variant 0 for the DICOM store bench's study; each other value a study of its own UIDs.
     */
    record Shape(int instances, int rows, int columns, int variant) {
    }

    private final Path directory;
    private final String studyInstanceUid;
    private final Map<String, Path> filesByUid;
    private long datasetBytes = -1;
    private final long bytes;

    private DicomStudy(Path directory, String studyInstanceUid, Map<String, Path> filesByUid, long bytes) {
        this.directory = directory;
        this.studyInstanceUid = studyInstanceUid;
        this.filesByUid = filesByUid;
        this.bytes = bytes;
    }

    /** Variant 0 under {@code directory}, written unless a previous run left it there with the same options. */
    static DicomStudy prepare(Path directory, int instances, int rows, int columns) throws IOException {
        return prepare(directory, new Shape(instances, rows, columns, 0));
    }

    /** The study under {@code directory}, written unless a previous run left it there with the same options. */
    static DicomStudy prepare(Path directory, Shape shape) throws IOException {
        int instances = shape.instances();
        var wanted = new Properties();
        wanted.setProperty("version", VERSION);
        wanted.setProperty("instances", Integer.toString(instances));
        wanted.setProperty("rows", Integer.toString(shape.rows()));
        wanted.setProperty("columns", Integer.toString(shape.columns()));
        wanted.setProperty("variant", Integer.toString(shape.variant()));
        Path manifest = directory.resolveSibling(directory.getFileName() + ".properties");
        var found = new Properties();
        if (Files.isRegularFile(manifest)) {
            try (InputStream in = Files.newInputStream(manifest)) {
                found.load(in);
            }
        }
        if (!found.equals(wanted) || !Files.isDirectory(directory) || count(directory) != instances) {
            Files.deleteIfExists(manifest);
            BenchDocuments.delete(directory);
            Files.createDirectories(directory);
            RetrieveBench.progress("writing the study: %d instances of %d x %d x 16 bits under %s", instances,
                    shape.rows(), shape.columns(), directory);
            write(directory, shape);
            try (OutputStream out = Files.newOutputStream(manifest)) {
                wanted.store(out, "the DICOM store bench's study");
            }
        }
        var files = new HashMap<String, Path>();
        long total = 0;
        for (int i = 1; i <= instances; i++) {
            Path file = directory.resolve(fileName(i));
            files.put(instanceUid(shape.variant(), i), file);
            total += Files.size(file);
        }
        return new DicomStudy(directory, root(shape.variant()), Map.copyOf(files), total);
    }

    Path directory() {
        return directory;
    }

    String studyInstanceUid() {
        return studyInstanceUid;
    }

    /** The WADO-RS path of its first instance under the study's: {@code /series/S/instances/I}. */
    String firstInstancePath() {
        return "/series/" + studyInstanceUid + ".1/instances/" + filesByUid.keySet().stream().sorted().findFirst()
                .orElseThrow();
    }

    int instances() {
        return filesByUid.size();
    }

    /** The study's files, meta information included, MiB. */
    double mebibytes() {
        return bytes / (1024.0 * 1024.0);
    }

    /**
     * The data sets' bytes (what a C-STORE carries), summed over the study: read from every file once, then kept
     * (the checks after each timed retrieval ask for it).
     */
    long datasetBytes() throws IOException {
        if (datasetBytes < 0) {
            long total = 0;
            for (Path file : filesByUid.values()) {
                total += Files.size(file) - datasetOffset(file);
            }
            datasetBytes = total;
        }
        return datasetBytes;
    }

    /**
     * Checks a receiving directory after one send: as many regular files as instances, and as many data set bytes
     * in them as were sent. With {@code compareBytes}, also that each sent SOP Instance UID arrived once and that
     * each received file's data set (the bytes after its File Meta Information) is byte-identical to the sent one.
     *
     * @return what is wrong, or null.
     */
    String check(Path received, boolean compareBytes) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(received)) {
            files = listing.toList();
        }
        if (files.size() != instances() || !files.stream().allMatch(Files::isRegularFile)) {
            return String.format(Locale.ROOT, "%d entries in %s, %d instances sent", files.size(), received,
                    instances());
        }
        long datasets = 0;
        for (Path file : files) {
            datasets += Files.size(file) - datasetOffset(file);
        }
        if (datasets != datasetBytes()) {
            return String.format(Locale.ROOT, "%d data set bytes in %s, %d sent", datasets, received, datasetBytes());
        }
        if (compareBytes) {
            var seen = new HashMap<String, Path>();
            for (Path file : files) {
                String uid = DicomReader.read(file, DicomReader.Options.DEFAULT.headerOnly()).fileMeta()
                        .getString(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID);
                Path sent = filesByUid.get(uid);
                if (sent == null || seen.put(uid, file) != null) {
                    return file + ": SOP Instance UID " + uid + (sent == null ? " was not sent" : " twice");
                }
                if (!Arrays.equals(dataset(file), dataset(sent))) {
                    return file + ": data set differs from the sent " + sent;
                }
            }
        }
        return null;
    }

    /** A Part 10 file's bytes after its File Meta Information. */
    static byte[] dataset(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        return Arrays.copyOfRange(all, (int) datasetOffset(file), all.length);
    }

    // preamble, DICM, then (0002,0000) UL 4 explicit VR little endian: its value at 140..143 (PS3.10 7.1)
    private static long datasetOffset(Path file) throws IOException {
        byte[] head = new byte[144];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, head.length) != head.length
                    || !new String(head, 128, 4, StandardCharsets.US_ASCII).equals("DICM")
                    || head[132] != 2 || head[133] != 0 || head[134] != 0 || head[135] != 0) {
                throw new IOException(file + " is not a Part 10 file starting with (0002,0000)");
            }
        }
        long groupLength = ByteBuffer.wrap(head, 140, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
        return 144 + groupLength;
    }

    private static long count(Path directory) throws IOException {
        try (Stream<Path> listing = Files.list(directory)) {
            return listing.count();
        }
    }

    private static String fileName(int instance) {
        return String.format(Locale.ROOT, "IM%05d.dcm", instance);
    }

    // 2.25.<the decimal of a name-based UUID>: at most 44 characters, 64 with the suffixes below
    private static String root(int variant) {
        String name = variant == 0 ? "imagingexchange bench dicom-store study"
                : "imagingexchange bench study " + variant;
        return Uids.fromUuid(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
    }

    private static String instanceUid(int variant, int instance) {
        return root(variant) + ".1." + instance;
    }

    private static void write(Path directory, Shape shape) throws IOException {
        for (int i = 1; i <= shape.instances(); i++) {
            var dataset = header(shape, i);
            dataset.setBytes(Tag.PIXEL_DATA, VR.OW, pixels(i, shape.rows(), shape.columns()));
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(directory.resolve(fileName(i))),
                    64 * 1024)) {
                DicomWriter.writeFile(out, dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            }
        }
    }

    // CT Image IOD (PS3.3 A.3) with the patient's regional ID (PS3.3 C.7.1.1: Other Patient IDs Sequence item with
    // the Issuer of Patient ID macro, Table 10-18) that the imaging source publishes the study under
    private static Attributes header(Shape shape, int i) {
        String study = root(shape.variant());
        String accession = shape.variant() == 0 ? "BENCH-STORE-1" : "BENCH-STUDY-" + shape.variant();
        var dataset = new Attributes();
        dataset.setString(Tag.of(0x0008, 0x0008), VR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        dataset.setString(Tag.SOP_CLASS_UID, VR.UI, CT_IMAGE_STORAGE);
        dataset.setString(Tag.SOP_INSTANCE_UID, VR.UI, instanceUid(shape.variant(), i));
        dataset.setString(Tag.STUDY_DATE, VR.DA, "20240115");
        dataset.setString(Tag.STUDY_TIME, VR.TM, "101500");
        dataset.setString(Tag.ACCESSION_NUMBER, VR.SH, accession);
        dataset.setString(Tag.of(0x0008, 0x0060), VR.CS, "CT");
        dataset.setString(Tag.of(0x0008, 0x0070), VR.LO, "imaging exchange bench");
        dataset.setString(Tag.of(0x0008, 0x0090), VR.PN); // type 2: empty (PS3.3 C.7.2.1)
        dataset.setString(Tag.PATIENT_NAME, VR.PN, "Bench^Store");
        dataset.setString(Tag.PATIENT_ID, VR.LO, "BENCH-STORE-1");
        dataset.setString(Tag.of(0x0010, 0x0030), VR.DA); // type 2: empty (PS3.3 C.7.1.1)
        dataset.setString(Tag.of(0x0010, 0x0040), VR.CS, "O");
        var issuer = new Attributes();
        issuer.setString(Tag.UNIVERSAL_ENTITY_ID, VR.UT, AFFINITY_DOMAIN);
        issuer.setString(Tag.UNIVERSAL_ENTITY_ID_TYPE, VR.CS, "ISO");
        var other = new Attributes();
        other.setString(Tag.PATIENT_ID, VR.LO, REGIONAL_PATIENT_ID);
        other.setBytes(Tag.ISSUER_OF_PATIENT_ID_QUALIFIERS_SEQUENCE, VR.SQ, explicitLengthSequence(issuer));
        other.setString(Tag.of(0x0010, 0x0022), VR.CS, "TEXT");
        dataset.setBytes(Tag.OTHER_PATIENT_IDS_SEQUENCE, VR.SQ, explicitLengthSequence(other));
        dataset.setString(Tag.BODY_PART_EXAMINED, VR.CS, "CHEST");
        dataset.setString(Tag.of(0x0018, 0x0050), VR.DS, "2.5");
        dataset.setString(Tag.of(0x0018, 0x0060), VR.DS, "120");
        dataset.setString(Tag.of(0x0018, 0x5100), VR.CS, "HFS");
        dataset.setString(Tag.STUDY_INSTANCE_UID, VR.UI, study);
        dataset.setString(Tag.SERIES_INSTANCE_UID, VR.UI, study + ".1");
        dataset.setString(Tag.of(0x0020, 0x0010), VR.SH, "1");
        dataset.setString(Tag.of(0x0020, 0x0011), VR.IS, "1");
        dataset.setString(Tag.of(0x0020, 0x0012), VR.IS, "1");
        dataset.setString(Tag.of(0x0020, 0x0013), VR.IS, Integer.toString(i));
        dataset.setString(Tag.of(0x0020, 0x0032), VR.DS, "-128", "-128",
                String.format(Locale.ROOT, "%.1f", -2.5 * i));
        dataset.setString(Tag.of(0x0020, 0x0037), VR.DS, "1", "0", "0", "0", "1", "0");
        dataset.setString(Tag.of(0x0020, 0x0052), VR.UI, study + ".2");
        dataset.setString(Tag.of(0x0020, 0x1040), VR.LO); // type 2: empty (PS3.3 C.7.4.1)
        dataset.setInt(Tag.of(0x0028, 0x0002), VR.US, 1);
        dataset.setString(Tag.of(0x0028, 0x0004), VR.CS, "MONOCHROME2");
        dataset.setInt(Tag.of(0x0028, 0x0010), VR.US, shape.rows());
        dataset.setInt(Tag.of(0x0028, 0x0011), VR.US, shape.columns());
        dataset.setString(Tag.of(0x0028, 0x0030), VR.DS, "0.5", "0.5");
        dataset.setInt(Tag.of(0x0028, 0x0100), VR.US, 16);
        dataset.setInt(Tag.of(0x0028, 0x0101), VR.US, 12);
        dataset.setInt(Tag.of(0x0028, 0x0102), VR.US, 11);
        dataset.setInt(Tag.of(0x0028, 0x0103), VR.US, 0);
        dataset.setString(Tag.of(0x0028, 0x1050), VR.DS, "40");
        dataset.setString(Tag.of(0x0028, 0x1051), VR.DS, "400");
        dataset.setString(Tag.of(0x0028, 0x1052), VR.DS, "-1024");
        dataset.setString(Tag.of(0x0028, 0x1053), VR.DS, "1");
        return dataset;
    }

    /**
     * A sequence of one item, encoded with explicit lengths (PS3.5 7.5.1) as the value of an SQ element. storescu
     * sends every sequence that way whatever its file holds (dcmtk re-encodes undefined lengths), and our
     * {@link DicomWriter} writes undefined lengths: written so, each sent data set stays byte-identical to its
     * file's, which the receivers' checks compare. {@code item} holds no sequence itself.
     */
    private static byte[] explicitLengthSequence(Attributes item) {
        var encoded = new ByteArrayOutputStream();
        try {
            DicomWriter.writeDataset(encoded, item, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen in memory
        }
        return ByteBuffer.allocate(8 + encoded.size()).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) 0xFFFE).putShort((short) 0xE000).putInt(encoded.size()) // (FFFE,E000) Item
                .put(encoded.toByteArray()).array();
    }

    // a diagonal gradient over 0..3583, shifted by the instance number, plus 0..511 of seeded noise: 12 bits
    private static byte[] pixels(int instance, int rows, int columns) {
        var random = new SplittableRandom(SEED + instance);
        var buffer = ByteBuffer.allocate(rows * columns * 2).order(ByteOrder.LITTLE_ENDIAN);
        int span = rows + columns;
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < columns; x++) {
                int gradient = (int) ((long) ((x + y + 7 * instance) % span) * 3584 / span);
                buffer.putShort((short) (gradient + random.nextInt(512)));
            }
        }
        return buffer.array();
    }
}
