// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.VR;
import net.imagingexchange.dicom.data.Attributes;
import net.imagingexchange.dicom.data.BulkData;
import net.imagingexchange.dicom.data.Element;
import net.imagingexchange.dicom.data.Fragments;
import net.imagingexchange.dicom.data.Sequence;

/**
 * Writes Part 10 files (PS3.10 7.1) and data sets in implicit or explicit VR little endian, encapsulated transfer
 * syntaxes included (fragments written as read). Sequences and items are written with undefined length (PS3.5
 * 7.5.2), so nothing needs to be measured first; group lengths other than group 0002's are retired and dropped.
 * Bulk data is copied from its file as a stream.
 */
public final class DicomWriter {

    /** This library's Implementation Class UID (PS3.7 D.3.3.2), a UUID-derived OID (PS3.5 B.2). */
    public static final String IMPLEMENTATION_CLASS_UID = "2.25.74237913110454578802651448229041731598";
    /** This library's Implementation Version Name, at most 16 characters. */
    public static final String IMPLEMENTATION_VERSION_NAME = "IMGEXCHANGE_0_1";

    private static final byte[] UNDEFINED_LENGTH = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};

    private final OutputStream out;
    private final boolean explicitVr;

    private DicomWriter(OutputStream out, TransferSyntax syntax) {
        if (syntax.bigEndian() || syntax.deflated()) {
            throw new IllegalArgumentException("writing " + syntax.uid() + " is not supported");
        }
        this.out = out;
        this.explicitVr = syntax.explicitVr();
    }

    /**
     * Writes preamble, {@code DICM}, the File Meta Information built from the data set's SOP Class and Instance
     * UIDs and {@code syntax}, then the data set.
     */
    public static void writeFile(OutputStream out, Attributes dataset, TransferSyntax syntax) throws IOException {
        writeFileHeader(out, fileMeta(dataset, syntax));
        writeDataset(out, dataset, syntax);
        out.flush();
    }

    /** Writes preamble, {@code DICM} and the File Meta Information: what precedes a data set in a file. */
    public static void writeFileHeader(OutputStream out, Attributes fileMeta) throws IOException {
        out.write(new byte[128]);
        out.write(new byte[] {'D', 'I', 'C', 'M'});
        writeFileMeta(out, fileMeta);
    }

    /**
     * Writes a DIMSE command set (PS3.7 6.3.1): implicit VR little endian, group 0000 preceded by its group length.
     */
    public static void writeCommand(OutputStream out, Attributes command) throws IOException {
        writeGroup(out, command, 0x00000000, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
    }

    /** Writes a data set alone, e.g. for DIMSE or DICOMweb. */
    public static void writeDataset(OutputStream out, Attributes dataset, TransferSyntax syntax) throws IOException {
        new DicomWriter(out, syntax).write(dataset);
    }

    /** The File Meta Information for a data set (PS3.10 Table 7.1-1). */
    public static Attributes fileMeta(Attributes dataset, TransferSyntax syntax) {
        return fileMeta(required(dataset, Tag.SOP_CLASS_UID), required(dataset, Tag.SOP_INSTANCE_UID), syntax);
    }

    /** The File Meta Information for an instance of {@code sopClassUid} (PS3.10 Table 7.1-1). */
    public static Attributes fileMeta(String sopClassUid, String sopInstanceUid, TransferSyntax syntax) {
        var meta = new Attributes();
        meta.setBytes(Tag.FILE_META_INFORMATION_VERSION, VR.OB, new byte[] {0, 1});
        meta.setString(Tag.MEDIA_STORAGE_SOP_CLASS_UID, VR.UI, sopClassUid);
        meta.setString(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID, VR.UI, sopInstanceUid);
        meta.setString(Tag.TRANSFER_SYNTAX_UID, VR.UI, syntax.uid());
        meta.setString(Tag.IMPLEMENTATION_CLASS_UID, VR.UI, IMPLEMENTATION_CLASS_UID);
        meta.setString(Tag.IMPLEMENTATION_VERSION_NAME, VR.SH, IMPLEMENTATION_VERSION_NAME);
        return meta;
    }

    // group 0002 is explicit VR little endian, preceded by its group length (PS3.10 7.1)
    private static void writeFileMeta(OutputStream out, Attributes meta) throws IOException {
        writeGroup(out, meta, Tag.FILE_META_INFORMATION_GROUP_LENGTH, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    }

    /** One group's elements preceded by its group length element {@code lengthTag} (UL), which is computed. */
    private static void writeGroup(OutputStream out, Attributes group, int lengthTag, TransferSyntax syntax)
            throws IOException {
        var encoded = new ByteArrayOutputStream();
        var writer = new DicomWriter(encoded, syntax);
        for (Element element : group.elements()) {
            if (element.tag() != lengthTag) {
                writer.write(element);
            }
        }
        var length = new Attributes();
        length.setInt(lengthTag, VR.UL, encoded.size());
        new DicomWriter(out, syntax).write(length.get(lengthTag));
        encoded.writeTo(out);
    }

    private void write(Attributes dataset) throws IOException {
        for (Element element : dataset.elements()) {
            if (Tag.element(element.tag()) == 0 || Tag.group(element.tag()) == 0x0002) {
                continue; // group lengths are retired (PS3.5 7.2); file meta belongs to the file, not the data set
            }
            write(element);
        }
    }

    private void write(Element element) throws IOException {
        Object value = element.value();
        if (value instanceof Sequence sequence) {
            header(element.tag(), VR.SQ, -1);
            for (Attributes item : sequence.items()) {
                tag(Tag.ITEM);
                out.write(UNDEFINED_LENGTH);
                write(item);
                tag(Tag.ITEM_DELIMITATION);
                uint32(0);
            }
            tag(Tag.SEQUENCE_DELIMITATION);
            uint32(0);
        } else if (value instanceof Fragments fragments) {
            header(element.tag(), element.vr() == VR.OW ? VR.OW : VR.OB, -1);
            for (Object item : fragments.items()) {
                tag(Tag.ITEM);
                uint32(length(item));
                bytes(item);
            }
            tag(Tag.SEQUENCE_DELIMITATION);
            uint32(0);
        } else {
            header(element.tag(), element.vr(), length(value));
            bytes(value);
        }
    }

    private void header(int tag, VR vr, long length) throws IOException {
        tag(tag);
        if (!explicitVr) {
            uint32(length);
            return;
        }
        out.write(vr.name().charAt(0));
        out.write(vr.name().charAt(1));
        if (vr.longLength()) {
            out.write(0);
            out.write(0);
            uint32(length);
        } else if (length > 0xFFFF) {
            throw new IOException(Tag.toString(tag) + " " + vr + " value of " + length
                    + " bytes does not fit a 16-bit explicit VR length");
        } else {
            out.write((int) length & 0xFF);
            out.write((int) (length >>> 8) & 0xFF);
        }
    }

    private void tag(int tag) throws IOException {
        int group = Tag.group(tag);
        int element = Tag.element(tag);
        out.write(group & 0xFF);
        out.write(group >>> 8);
        out.write(element & 0xFF);
        out.write(element >>> 8);
    }

    // -1 is the undefined length 0xFFFFFFFF
    private void uint32(long value) throws IOException {
        out.write((int) value & 0xFF);
        out.write((int) (value >>> 8) & 0xFF);
        out.write((int) (value >>> 16) & 0xFF);
        out.write((int) (value >>> 24) & 0xFF);
    }

    private static long length(Object value) {
        return value instanceof byte[] bytes ? bytes.length : ((BulkData) value).length();
    }

    private void bytes(Object value) throws IOException {
        if (value instanceof byte[] bytes) {
            out.write(bytes);
            return;
        }
        var bulk = (BulkData) value;
        try (FileChannel channel = FileChannel.open(bulk.file(), StandardOpenOption.READ);
             InputStream in = Channels.newInputStream(channel.position(bulk.offset()))) {
            long left = bulk.length();
            byte[] buffer = new byte[(int) Math.min(64 * 1024, Math.max(1, left))];
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new IOException("bulk data of " + bulk.file() + " ends before " + bulk.length() + " bytes");
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        }
    }

    private static String required(Attributes dataset, int tag) {
        String value = dataset.getString(tag);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("the data set has no " + Tag.toString(tag));
        }
        return value;
    }
}
