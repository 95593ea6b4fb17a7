// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.VR;
import net.imagingexchange.dicom.data.Attributes;
import net.imagingexchange.dicom.io.DicomParseException;
import net.imagingexchange.dicom.io.DicomReader;
import net.imagingexchange.dicom.io.TransferSyntax;

/**
 * Reads what a STOW-RS part says of itself before it is taken in, then rewinds it: its File Meta Information (to
 * name the instance in a failure) and, for a study URL, its Study Instance UID. Only the bytes up to that element
 * are looked at, held in a bounded window ({@link #WINDOW}); the part is otherwise streamed, never buffered.
 * Elements of a data set ascend (PS3.5 7.1), so the scan stops at the first top-level tag past (0020,000D).
 */
final class PartLookAhead {

    /** How far into a part its header may be looked at. */
    static final int WINDOW = 4 * 1024 * 1024;

    private static final int MARGIN = 128 * 1024; // room for the inner buffer's read-ahead
    private static final long UNDEFINED = 0xFFFFFFFFL;
    private static final int MAX_DEPTH = 64;

    private final BufferedInputStream part;
    private final Counting counted;
    private final BufferedInputStream header;

    PartLookAhead(InputStream body) {
        part = new BufferedInputStream(body, 64 * 1024);
        part.mark(WINDOW);
        counted = new Counting(part);
        // DicomReader marks the stream it reads: give it its own, so the mark on the part stays in place
        header = new BufferedInputStream(counted, 8 * 1024);
    }

    /** The part's File Meta Information (PS3.10 7.1); a part that is not a Part 10 file is a parse error. */
    Attributes fileMeta() throws IOException {
        return DicomReader.readFileMeta(header);
    }

    /**
     * The data set's Study Instance UID, or null when it has none; call after {@link #fileMeta()}. Malformed
     * elements before it, or none found within {@link #WINDOW} bytes, are parse errors.
     */
    String studyInstanceUid(TransferSyntax syntax) throws IOException {
        InputStream in = syntax.deflated() ? new InflaterInputStream(header, new Inflater(true), 8 * 1024) : header;
        return new Scan(in, syntax.bigEndian()).dataset(syntax.explicitVr());
    }

    /** The part from its first byte again. */
    InputStream rewound() throws IOException {
        part.reset();
        return part;
    }

    /** Walks element headers, skipping values, until the Study Instance UID. */
    private final class Scan {
        private final InputStream in;
        private final boolean bigEndian;
        private long position;

        Scan(InputStream in, boolean bigEndian) {
            this.in = in;
            this.bigEndian = bigEndian;
        }

        String dataset(boolean explicitVr) throws IOException {
            while (true) {
                int b0 = in.read();
                if (b0 < 0) {
                    return null; // the data set ends without it
                }
                int tag = tag(b0);
                if (Integer.compareUnsigned(tag, Tag.STUDY_INSTANCE_UID) > 0) {
                    return null;
                }
                Header h = header(tag, explicitVr);
                if (tag == Tag.STUDY_INSTANCE_UID) {
                    if (h.length > 64 + 1) {
                        throw new DicomParseException("Study Instance UID of " + h.length + " bytes", position);
                    }
                    return new String(bytes((int) h.length), StandardCharsets.US_ASCII).replace('\0', ' ').strip();
                }
                value(h, explicitVr, 0);
            }
        }

        private record Header(VR vr, long length) {
        }

        private Header header(int tag, boolean explicitVr) throws IOException {
            if (!explicitVr || Tag.group(tag) == 0xFFFE) {
                return new Header(null, uint32());
            }
            int c0 = byteOf();
            int c1 = byteOf();
            VR vr = VR.of(c0, c1);
            if (vr == null) {
                throw new DicomParseException("unknown VR '" + (char) c0 + (char) c1 + "' in " + Tag.toString(tag),
                        position);
            }
            if (vr.longLength()) {
                uint16();
                return new Header(vr, uint32());
            }
            return new Header(vr, uint16());
        }

        // a value: skipped; an undefined length is a sequence, implicit VR inside when it is UN (PS3.5 6.2.2)
        private void value(Header h, boolean explicitVr, int depth) throws IOException {
            if (h.length != UNDEFINED) {
                skip(h.length);
                return;
            }
            if (depth > MAX_DEPTH) {
                throw new DicomParseException("sequences nested deeper than " + MAX_DEPTH, position);
            }
            boolean itemsExplicit = explicitVr && h.vr != VR.UN;
            while (true) {
                int tag = tag(byteOf());
                long length = uint32();
                if (tag == Tag.SEQUENCE_DELIMITATION) {
                    return;
                }
                if (tag != Tag.ITEM) {
                    throw new DicomParseException("expected an item, found " + Tag.toString(tag), position);
                }
                if (length == UNDEFINED) {
                    item(itemsExplicit, depth + 1);
                } else {
                    skip(length);
                }
            }
        }

        private void item(boolean explicitVr, int depth) throws IOException {
            while (true) {
                int tag = tag(byteOf());
                Header h = header(tag, explicitVr);
                if (tag == Tag.ITEM_DELIMITATION) {
                    return;
                }
                value(h, explicitVr, depth);
            }
        }

        private int tag(int firstByte) throws IOException {
            position++;
            int group = bigEndian ? firstByte << 8 | byteOf() : firstByte | byteOf() << 8;
            return group << 16 | uint16();
        }

        private int uint16() throws IOException {
            int b0 = byteOf();
            int b1 = byteOf();
            return bigEndian ? b0 << 8 | b1 : b1 << 8 | b0;
        }

        private long uint32() throws IOException {
            long low = uint16();
            long high = uint16();
            return bigEndian ? low << 16 | high : high << 16 | low;
        }

        private int byteOf() throws IOException {
            int b = in.read();
            if (b < 0) {
                throw new DicomParseException("data set ends inside an element header", position);
            }
            position++;
            return b;
        }

        private byte[] bytes(int length) throws IOException {
            byte[] value = in.readNBytes(length);
            if (value.length < length) {
                throw new DicomParseException("data set ends inside a value", position);
            }
            position += length;
            return value;
        }

        private void skip(long length) throws IOException {
            for (long left = length; left > 0; ) {
                if (counted.count > WINDOW - MARGIN) {
                    throw new DicomParseException("no Study Instance UID within the first " + WINDOW / 1024
                            + " KiB, where it is looked for", position);
                }
                long n = Math.min(left, 32 * 1024);
                try {
                    in.skipNBytes(n);
                } catch (java.io.EOFException e) {
                    throw new DicomParseException("data set ends inside a value", position);
                }
                position += n;
                left -= n;
            }
        }
    }

    /** Counts the bytes read through it. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(n, 0);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
