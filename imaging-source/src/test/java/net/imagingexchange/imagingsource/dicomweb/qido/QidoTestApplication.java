// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb.qido;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Just the web server, Spring MVC and QIDO-RS over a {@link QidoTestSource}; none of the imaging source's own
 * auto-configuration (DICOM server, publication).
 */
@SpringBootConfiguration
@ImportAutoConfiguration({ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class})
class QidoTestApplication {

    /** The most results a search returns at once. */
    static final int MAX_RESULTS = 1000;

    @Bean(destroyMethod = "close")
    QidoTestSource source() throws Exception {
        return new QidoTestSource();
    }

    /** The public DICOMweb base URL; empty (the request's own) unless a test sets it. */
    @Bean
    AtomicReference<String> publicBaseUrl() {
        return new AtomicReference<>("");
    }

    @Bean
    QidoSearch qidoSearch(QidoTestSource source) {
        return new QidoSearch(source.dataSource(), source.store());
    }

    @Bean
    QidoRsController qidoRsController(QidoSearch search, AtomicReference<String> publicBaseUrl) {
        return new QidoRsController(search, publicBaseUrl::get, MAX_RESULTS);
    }
}
