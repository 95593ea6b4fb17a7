// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A part three times as large as the heap of this test JVM (surefire execution {@code large-streams}, 64 MiB) is
 * written and read back through a pipe: neither side holds a part in memory.
 */
@org.junit.jupiter.api.Tag("large-stream")
class LargeMultipartStreamTest {

    private static final long PART = 192L << 20;

    @Test
    void streamsAPartLargerThanTheHeap() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).as("run with a heap far below the part").isLessThan(PART / 2);
        String boundary = MultipartWriter.randomBoundary();
        List<String> digests = new ArrayList<>();

        MultipartTest.pipe(out -> {
            try (var writer = new MultipartWriter(out, boundary)) {
                writer.writeDicomPart("1.2.840.10008.1.2.1", null, MultipartTest.generated(PART, 7));
            }
        }, in -> {
            var reader = new MultipartReader(in, boundary);
            for (MultipartReader.Part part; (part = reader.next()) != null; ) {
                digests.add(MultipartTest.sha1(part.body()));
            }
        });

        assertThat(digests).containsExactly(MultipartTest.sha1(MultipartTest.generated(PART, 7)));
    }
}
