// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * An answer whose length was declared from the index: a stored file that no longer has that length (replaced,
 * truncated) breaks the answer off rather than send what the declared length does not describe.
 */
class MultipartResponseTest {

    @TempDir
    Path dir;

    private final MockHttpServletResponse response = new MockHttpServletResponse();

    private Path file(int bytes) throws IOException {
        return Files.write(dir.resolve("instance-" + bytes + ".dcm"), new byte[bytes]);
    }

    @Test
    void aFileOfTheDeclaredLengthIsSentAsDeclared() throws Exception {
        var multipart = new MultipartResponse(response, 200, "application/dicom");
        var headers = MultipartResponse.headers("application/dicom", null);
        multipart.contentLength(List.of(headers), new long[] {10});
        multipart.part(headers, file(10), 10);
        multipart.finish();

        assertThat(response.getContentAsByteArray()).hasSize((int) response.getContentLengthLong());
    }

    @Test
    void aFileShorterThanDeclaredBreaksTheAnswerOff() throws Exception {
        var multipart = new MultipartResponse(response, 200, "application/dicom");
        Map<String, String> headers = MultipartResponse.headers("application/dicom", null);

        assertThatThrownBy(() -> multipart.part(headers, file(8), 10)).isInstanceOf(IOException.class);
    }

    @Test
    void aFileLongerThanDeclaredBreaksTheAnswerOff() throws Exception {
        var multipart = new MultipartResponse(response, 200, "application/dicom");
        Map<String, String> headers = MultipartResponse.headers("application/dicom", null);

        assertThatThrownBy(() -> multipart.part(headers, file(12), 10)).isInstanceOf(IOException.class)
                .hasMessageContaining("changed while it was being sent");
    }
}
