// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.MultipartAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

import net.imagingexchange.atna.AuditContexts;
import net.imagingexchange.atna.AuditProperties;
import net.imagingexchange.imagingsource.testing.AuditListener;
import net.imagingexchange.imagingsource.testing.IngestFixture;

/**
 * The DICOMweb endpoints on a real Tomcat over an {@link IngestFixture} (store and H2 index in a temporary
 * directory): only the auto-configurations a servlet web application needs, multipart resolution included as in
 * a full application, with the setting that leaves multipart/related bodies to STOW-RS.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
        MultipartAutoConfiguration.class})
class DicomWebTestApplication {

    /** A test on this application, on a random port; all such tests share one application and its data. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @SpringBootTest(classes = DicomWebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "spring.servlet.multipart.strict-servlet-compliance=true")
    @interface DicomWebTest {
    }

    /** The source behind the endpoints, in a temporary directory removed when the application stops. */
    @Bean(destroyMethod = "close")
    IngestFixture ingestFixture() throws IOException {
        return IngestFixture.temporary("dicomweb-test");
    }

    @Bean
    StowRsEndpoint stowRsEndpoint(IngestFixture fixture) {
        return new StowRsEndpoint(fixture.ingest, DicomWebUrls.publicBase(""));
    }

    @Bean(destroyMethod = "close")
    AuditListener auditListener() throws IOException {
        return new AuditListener();
    }

    @Bean
    RetrieveAudit retrieveAudit(IngestFixture fixture, AuditListener listener) {
        return new RetrieveAudit(AuditContexts.create(new AuditProperties(true, "127.0.0.1", listener.port(),
                AuditProperties.Transport.UDP, "dicomweb-test", "test-region")), fixture.index);
    }

    @Bean
    Rad107Endpoint rad107Endpoint(IngestFixture fixture, RetrieveAudit audit) {
        return new Rad107Endpoint(fixture.index, fixture.store, DicomWebUrls.publicBase(""), audit);
    }

    @Bean
    Rad55Endpoint rad55Endpoint(IngestFixture fixture, RetrieveAudit audit) {
        return new Rad55Endpoint(fixture.index, fixture.store, audit);
    }

    @Bean
    DicomWebProblems dicomWebProblems() {
        return new DicomWebProblems();
    }
}
