// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.rad69;

import java.io.IOException;

import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.openehealth.ipf.commons.audit.AuditContext;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;

import net.imagingexchange.atna.AuditContexts;
import net.imagingexchange.atna.AuditProperties;
import net.imagingexchange.imagingsource.testing.AuditListener;
import net.imagingexchange.imagingsource.testing.IngestFixture;
import net.imagingexchange.xds.soap.XdsServlets;

/**
 * The RAD-69 endpoint over an {@code IngestFixture}, in Tomcat on a random port, auditing to a syslog socket of
 * the test: only what RAD-69 needs, not the module's auto-configuration (no DICOM server, no publication).
 */
@SpringBootConfiguration
@ImportAutoConfiguration(ServletWebServerFactoryAutoConfiguration.class)
class Rad69TestServer {

    static final String AUDIT_SOURCE_ID = "imaging-source-under-test";
    /** The Retrieve Location UID the RAD-69 endpoint under test answers to. */
    static final String RETRIEVE_LOCATION_UID = "1.2.250.1.999.69.2";

    @Bean(destroyMethod = "close")
    IngestFixture source() throws IOException {
        return IngestFixture.temporary("rad69-");
    }

    @Bean(destroyMethod = "close")
    AuditListener auditListener() throws IOException {
        return new AuditListener();
    }

    @Bean
    AuditContext auditContext(AuditListener listener) {
        return AuditContexts.create(new AuditProperties(true, "127.0.0.1", listener.port(),
                AuditProperties.Transport.UDP, AUDIT_SOURCE_ID, "test-region"));
    }

    @Bean
    Rad69Endpoint rad69Endpoint(IngestFixture source) {
        return new Rad69Endpoint(new InstanceRetrieval(source.index, source.store,
                RETRIEVE_LOCATION_UID));
    }

    @Bean(destroyMethod = "close")
    ImagingSourceSoapEndpoints imagingSourceSoapEndpoints(Rad69Endpoint rad69, IngestFixture source,
                                                          AuditContext audit) {
        return new ImagingSourceSoapEndpoints(rad69, source.index, audit,
                ImagingSourceSoapEndpoints.DEFAULT_MAX_REQUEST_SIZE);
    }

    @Bean
    ServletRegistrationBean<CXFNonSpringServlet> imagingSourceSoapServlet(ImagingSourceSoapEndpoints endpoints) {
        var registration = new ServletRegistrationBean<>(XdsServlets.servlet(endpoints.bus()),
                ImagingSourceSoapEndpoints.PATH);
        registration.setName("imaging-source-soap");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
