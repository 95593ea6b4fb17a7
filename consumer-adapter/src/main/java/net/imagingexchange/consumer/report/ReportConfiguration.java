// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

import org.openehealth.ipf.commons.audit.AuditContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import net.imagingexchange.consumer.ConsumerProperties;
import net.imagingexchange.consumer.RegionalPatients;
import net.imagingexchange.consumer.region.DocumentRetrieval;
import net.imagingexchange.consumer.region.RegistryQueries;
import net.imagingexchange.consumer.region.StudyCatalogue;
import net.imagingexchange.xds.soap.OwnServer;
import net.imagingexchange.xds.soap.ProvideAndRegisterClient;

/**
 * Reports back (spec/xdsi.md 6): the reading site as an XDS Document Source of CDA reports (ITI-41), and the report
 * API under {@code /consumer/api/reports}. CDA files wait under {@code <dataDirectory>/consumer/reports/outgoing}
 * while they are sent; reports read from the region are kept under {@code .../consumer/reports/retrieved}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReportProperties.class)
public class ReportConfiguration {

    /** Reports go to the repository with IPF's ITI-41 client (not a bean: the exchange's imaging source has one). */
    private static ProvideAndRegisterClient reportProvideAndRegister(ReportProperties properties, AuditContext audit,
                                                                     Environment environment) {
        Supplier<String> url = OwnServer.orOwn(properties.repositoryUrl(), environment, "/repository/iti41");
        return ProvideAndRegisterClient.of(url, properties.connectTimeout(), properties.receiveTimeout(), audit);
    }

    @Bean
    ReportCatalogue reportCatalogue(RegistryQueries registry, DocumentRetrieval repositories,
                                    ConsumerProperties consumer, ReportProperties properties) throws IOException {
        return new ReportCatalogue(registry, repositories, reportsDirectory(consumer).resolve("retrieved"),
                properties.institutionOid());
    }

    @Bean
    ReportSource reportSource(RegionalPatients patients, StudyCatalogue studies, ReportCatalogue reports,
                              ReportProperties properties, ConsumerProperties consumer, Clock clock,
                              AuditContext audit, Environment environment) throws IOException {
        var writing = new ReportSource.ReportWriting(
                new CdaWriter(properties.realmCode(), CodedValue.parse(properties.confidentialityCode()),
                        properties.languageCode()),
                new ReportMetadata(properties, UUID::randomUUID),
                new DocumentIds(properties.documentUidRoot(), clock), properties,
                reportsDirectory(consumer).resolve("outgoing"));
        return new ReportSource(patients, studies, reports, writing,
                reportProvideAndRegister(properties, audit, environment), clock);
    }

    @Bean
    ReportRendering reportRendering() {
        return new ReportRendering();
    }

    @Bean
    ReportController reportController(ReportSource source, ReportCatalogue reports, StudyCatalogue studies,
                                      ReportRendering rendering) {
        return new ReportController(source, reports, studies, rendering);
    }

    @Bean
    ReportProblems reportProblems() {
        return new ReportProblems();
    }

    private static Path reportsDirectory(ConsumerProperties consumer) {
        return consumer.dataDirectory().resolve("consumer").resolve("reports");
    }
}
