// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import net.imagingexchange.imagingsource.testing.SyntheticStudy;

/**
 * Spring Boot's multipart resolver, left at its default, reads every multipart/* body as a form before any
 * controller: a STOW-RS body then arrives empty. The endpoint says so, and which setting fixes it.
 */
@SpringBootTest(classes = DicomWebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FormMultipartResolverTest {

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    @Test
    void namesTheSettingWhenAFormResolverHasReadTheBody() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.79.1", 1, 1);

        var response = new DicomWebClient(port).stow("/studies", DicomWebClient.read(study.write(dir)));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(DicomWebClient.json(response).get("detail").asText())
                .contains("spring.servlet.multipart.strict-servlet-compliance=true");
    }
}
