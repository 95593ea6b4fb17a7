// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/** What a local source sets reaches the client only when it is a multipart 200 / 206 (docs/decisions/0014). */
class HeldResponseTest {

    private final MockHttpServletResponse client = new MockHttpServletResponse();
    private final HeldResponse held = new HeldResponse(client);

    @Test
    void aMultipartAnswerGoesToTheClientWithEverythingSetBeforeItsBody() throws Exception {
        held.setStatus(206);
        held.setHeader("Warning", "299 - \"1 of 3 instances left out\"");
        held.setContentType("multipart/related; type=\"application/dicom\"; boundary=b");
        held.setContentLengthLong(5);

        assertThat(client.isCommitted()).isFalse();
        assertThat(client.getHeader("Warning")).isNull(); // held until the body starts
        held.getOutputStream().write("hello".getBytes(StandardCharsets.US_ASCII));

        assertThat(held.passed()).isTrue();
        assertThat(client.getStatus()).isEqualTo(206);
        assertThat(client.getHeader("Warning")).isEqualTo("299 - \"1 of 3 instances left out\"");
        assertThat(client.getContentType()).startsWith("multipart/related");
        assertThat(client.getContentLengthLong()).isEqualTo(5);
        assertThat(client.getContentAsString()).isEqualTo("hello");
    }

    @Test
    void anErrorAnswerIsDroppedAndLeavesTheClientsResponseUntouched() throws Exception {
        held.setContentType("multipart/related; type=\"application/dicom\"; boundary=b");
        held.reset(); // an exception handler starting afresh
        held.setStatus(404);
        held.setHeader("Cache-Control", "no-store");
        held.setContentType("application/problem+json");
        assertThat(held.getStatus()).isEqualTo(404);
        assertThat(held.getContentType()).isEqualTo("application/problem+json");
        held.getWriter().write("{\"detail\":\"no such study\"}");
        held.flushBuffer();

        assertThat(held.passed()).isFalse();
        assertThat(held.isCommitted()).isTrue(); // for the source: its answer is done
        assertThat(client.isCommitted()).isFalse();
        assertThat(client.getStatus()).isEqualTo(200);
        assertThat(client.getContentType()).isNull();
        assertThat(client.getHeader("Cache-Control")).isNull();
        assertThat(client.getContentAsByteArray()).isEmpty();
    }

    @Test
    void aMultipartTypeWithAnErrorStatusIsDroppedToo() throws Exception {
        held.setContentType("multipart/related; type=\"application/dicom\"; boundary=b");
        held.sendError(410);

        assertThat(held.passed()).isFalse();
        held.getOutputStream().write(1);
        assertThat(client.getContentAsByteArray()).isEmpty();
        assertThat(client.getStatus()).isEqualTo(200);
    }
}
