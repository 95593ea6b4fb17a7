// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.rad69;

import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.imagingexchange.dicom.io.Transcoder;

/**
 * A stored Implicit VR Little Endian file read as Explicit VR Little Endian: re-encoded by a thread of its own into
 * a pipe as the MTOM part is written, so the instance is never whole in memory.
 */
final class ExplicitStream {

    private static final Logger LOG = LoggerFactory.getLogger(ExplicitStream.class);
    private static final int PIPE = 256 * 1024;

    private ExplicitStream() {
    }

    static InputStream of(Path file) throws IOException {
        var in = new PipedInputStream(PIPE);
        var out = new PipedOutputStream(in);
        var writer = new Thread(() -> {
            try {
                Transcoder.toExplicitVrLittleEndian(file, out);
                out.close(); // the end of the part
            } catch (IOException | RuntimeException e) {
                // not closed: once this thread ends the reader gets "write end dead", never a short part
                LOG.warn("re-encoding {} stopped: {}", file.getFileName(), e.toString());
            }
        }, "rad69-explicit");
        writer.setDaemon(true);
        writer.start();
        return in;
    }
}
