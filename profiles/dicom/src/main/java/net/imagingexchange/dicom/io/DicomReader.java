// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.VR;
import net.imagingexchange.dicom.data.Attributes;
import net.imagingexchange.dicom.data.BulkData;
import net.imagingexchange.dicom.data.Element;
import net.imagingexchange.dicom.data.Fragments;
import net.imagingexchange.dicom.data.Sequence;
import net.imagingexchange.dicom.dictionary.CommandDictionary;
import net.imagingexchange.dicom.dictionary.ElementDictionary;

/**
 * Reads Part 10 files (PS3.10 7.1) and data sets (PS3.5 7) as they stream in: implicit and explicit VR little
 * endian, deflated explicit VR little endian and explicit VR big endian (binary values turned little endian),
 * sequences and items of defined and undefined length, encapsulated pixel data. Values above the bulk-data
 * threshold of a file are left in the file ({@link BulkData}); header-only reading stops before Pixel Data.
 * Malformed input ends in a {@link DicomParseException}, never in an allocation of a declared length.
 */
public final class DicomReader {

    private static final long UNDEFINED = 0xFFFFFFFFL;

    /**
     * @param stopBeforePixelData  stop at the top-level Pixel Data (7FE0,0010), leaving it unread.
     * @param bulkDataThreshold    values longer than this stay in the file as {@link BulkData} (file input only).
     * @param maxDepth             deepest nesting of sequences accepted.
     */
    public record Options(boolean stopBeforePixelData, long bulkDataThreshold, int maxDepth) {

        public static final Options DEFAULT = new Options(false, 64 * 1024, 128);

        public Options headerOnly() {
            return new Options(true, bulkDataThreshold, maxDepth);
        }
    }

    private final DicomInput in;
    private final Path file;
    private final long fileSize;
    private final Options options;
    private final ElementDictionary dictionary = ElementDictionary.standard();
    private boolean explicitVr;

    private DicomReader(DicomInput in, Path file, Options options) throws IOException {
        this.in = in;
        this.file = file;
        this.fileSize = file == null ? -1 : Files.size(file);
        this.options = options;
    }

    /** Reads a Part 10 file; large values stay in it. */
    public static DicomFile read(Path file, Options options) throws IOException {
        try (InputStream stream = Files.newInputStream(file)) {
            return read(new BufferedInputStream(stream, 64 * 1024), file, options);
        }
    }

    /** Reads a Part 10 file from a stream; every value is read into memory. */
    public static DicomFile read(InputStream stream, Options options) throws IOException {
        return read(stream.markSupported() ? stream : new BufferedInputStream(stream, 64 * 1024), null, options);
    }

    /** Reads a data set without preamble or file meta information, e.g. a DIMSE data set. */
    public static Attributes readDataset(InputStream stream, TransferSyntax syntax, Options options)
            throws IOException {
        var reader = new DicomReader(new DicomInput(stream.markSupported() ? stream
                : new BufferedInputStream(stream, 64 * 1024), 0), null, options);
        reader.encoding(syntax);
        var dataset = new Attributes();
        reader.readDataset(dataset, -1, 0);
        return dataset;
    }

    /**
     * Reads the preamble, the DICM prefix and the File Meta Information (PS3.10 7.1) of a Part 10 stream, leaving
     * {@code stream} at the data set's first byte: for a sender's file whose data set is to be kept as it is.
     *
     * @param stream must support mark and reset (a {@link BufferedInputStream}), so nothing past the meta
     *               information is consumed.
     * @return the meta information; its Transfer Syntax UID is present.
     */
    public static Attributes readFileMeta(InputStream stream) throws IOException {
        if (!stream.markSupported()) {
            throw new IllegalArgumentException("the stream must support mark and reset");
        }
        return fileMeta(new DicomReader(new DicomInput(stream, 0), null, Options.DEFAULT));
    }

    private static Attributes fileMeta(DicomReader reader) throws IOException {
        DicomInput input = reader.in;
        input.skip(128);
        byte[] magic = input.readBytes(4);
        if (!"DICM".equals(new String(magic, StandardCharsets.US_ASCII))) {
            throw new DicomParseException("no DICM prefix: not a DICOM Part 10 file", 128);
        }
        reader.encoding(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Attributes meta = reader.readFileMeta();
        if (meta.getString(Tag.TRANSFER_SYNTAX_UID) == null) {
            throw new DicomParseException("file meta information without Transfer Syntax UID", input.position());
        }
        return meta;
    }

    private static DicomFile read(InputStream stream, Path file, Options options) throws IOException {
        var metaReader = new DicomReader(new DicomInput(stream, 0), file, options);
        Attributes meta = fileMeta(metaReader);
        var syntax = TransferSyntax.of(meta.getString(Tag.TRANSFER_SYNTAX_UID));
        DicomReader datasetReader = metaReader;
        if (syntax.deflated()) {
            // PS3.5 A.5: a raw DEFLATE stream (no zlib header); positions no longer match the file
            var inflated = new InflaterInputStream(stream, new Inflater(true), 64 * 1024);
            datasetReader = new DicomReader(new DicomInput(new BufferedInputStream(inflated, 64 * 1024), 0), null,
                    options);
        }
        datasetReader.encoding(syntax);
        var dataset = new Attributes();
        datasetReader.readDataset(dataset, -1, 0);
        return new DicomFile(meta, dataset, syntax);
    }

    private void encoding(TransferSyntax syntax) {
        explicitVr = syntax.explicitVr();
        in.bigEndian(syntax.bigEndian());
    }

    // PS3.10 7.1: group 0002, explicit VR little endian, bounded by (0002,0000) when present
    private Attributes readFileMeta() throws IOException {
        var meta = new Attributes();
        long end = -1;
        while (in.peekGroup() == 0x0002 && (end < 0 || in.position() < end)) {
            Element element = readElement(meta, 0);
            if (element == null) {
                break;
            }
            if (element.tag() == Tag.FILE_META_INFORMATION_GROUP_LENGTH) {
                end = in.position() + Integer.toUnsignedLong(meta.getInt(element.tag(), 0));
            }
        }
        return meta;
    }

    /** Reads elements into {@code target} until {@code length} bytes, an item delimiter or the end of data. */
    private void readDataset(Attributes target, long length, int depth) throws IOException {
        long end = length < 0 ? -1 : in.position() + length;
        while (end < 0 || in.position() < end) {
            if (end < 0 && depth == 0 && in.peekEnd() < 0) {
                return;
            }
            if (readElement(target, depth) == null) {
                return;
            }
        }
        if (end >= 0 && in.position() > end) {
            throw new DicomParseException("item content runs past its length of " + length, in.position());
        }
    }

    /** One element; null at an item delimiter or where header-only reading stops. */
    private Element readElement(Attributes target, int depth) throws IOException {
        long start = in.position();
        int tag = in.readTag();
        if (tag == Tag.ITEM_DELIMITATION) {
            in.readUnsignedInt();
            if (depth == 0) {
                throw new DicomParseException("item delimiter outside an item", start);
            }
            return null;
        }
        if (tag == Tag.ITEM || tag == Tag.SEQUENCE_DELIMITATION) {
            throw new DicomParseException(Tag.toString(tag) + " outside a sequence", start);
        }
        if (tag == Tag.PIXEL_DATA && depth == 0 && options.stopBeforePixelData()) {
            return null;
        }
        VR vr;
        long length;
        if (explicitVr) {
            int b0 = in.readByte();
            int b1 = in.readByte();
            vr = VR.of(b0, b1);
            if (vr == null) {
                throw new DicomParseException("unknown VR '" + (char) b0 + (char) b1 + "' in " + Tag.toString(tag),
                        start);
            }
            if (vr.longLength()) {
                in.readUnsignedShort();
                length = in.readUnsignedInt();
            } else {
                length = in.readUnsignedShort();
            }
        } else {
            vr = Tag.group(tag) == 0 ? CommandDictionary.vrOf(tag) : dictionary.vrOf(tag);
            length = in.readUnsignedInt();
        }
        Element element;
        if (length == UNDEFINED && tag == Tag.PIXEL_DATA && depth == 0) {
            element = new Element(tag, vr, readFragments(depth));
        } else if (vr == VR.SQ || length == UNDEFINED) {
            // an undefined length that is not encapsulated pixel data can only be a sequence (PS3.5 7.1.2, 6.2.2)
            var sequence = target.newSequence(tag);
            readItems(sequence, length, depth + 1);
            return target.get(tag);
        } else {
            element = new Element(tag, vr, readValue(vr, length));
        }
        target.put(element);
        return element;
    }

    private void readItems(Sequence sequence, long length, int depth) throws IOException {
        if (depth > options.maxDepth()) {
            throw new DicomParseException("sequences nested deeper than " + options.maxDepth(), in.position());
        }
        long end = length == UNDEFINED ? -1 : in.position() + length;
        while (end < 0 || in.position() < end) {
            long start = in.position();
            int tag = in.readTag();
            long itemLength = in.readUnsignedInt();
            if (tag == Tag.SEQUENCE_DELIMITATION) {
                if (end >= 0) {
                    throw new DicomParseException("sequence delimiter in a sequence of defined length", start);
                }
                return;
            }
            if (tag != Tag.ITEM) {
                throw new DicomParseException("expected an item, found " + Tag.toString(tag), start);
            }
            readDataset(sequence.addItem(), itemLength == UNDEFINED ? -1 : itemLength, depth);
        }
    }

    private Fragments readFragments(int depth) throws IOException {
        var fragments = new Fragments();
        while (true) {
            long start = in.position();
            int tag = in.readTag();
            long length = in.readUnsignedInt();
            if (tag == Tag.SEQUENCE_DELIMITATION) {
                return fragments;
            }
            if (tag != Tag.ITEM || length == UNDEFINED) {
                throw new DicomParseException("expected a pixel data fragment, found " + Tag.toString(tag), start);
            }
            fragments.add(readValue(VR.OB, length));
        }
    }

    private Object readValue(VR vr, long length) throws IOException {
        if (file != null && length > options.bulkDataThreshold()) {
            long offset = in.position();
            if (offset + length > fileSize) {
                throw new DicomParseException("value of " + length + " bytes runs past the end of the file", offset);
            }
            in.skip(length);
            return new BulkData(file, offset, length);
        }
        byte[] bytes = in.readBytes(length);
        return explicitVrBigEndian() ? ByteSwap.toLittleEndian(vr, bytes) : bytes;
    }

    private boolean explicitVrBigEndian() {
        return explicitVr && in.isBigEndian();
    }
}
