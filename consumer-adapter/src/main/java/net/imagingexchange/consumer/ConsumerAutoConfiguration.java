// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer;

import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.openehealth.ipf.commons.audit.AuditContext;
import org.openehealth.ipf.commons.ihe.xds.XDS;
import org.openehealth.ipf.commons.ihe.xds.iti43.Iti43PortType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

import net.imagingexchange.atna.AuditAutoConfiguration;
import net.imagingexchange.consumer.audit.InstancesAccessedAudit;
import net.imagingexchange.consumer.dicomweb.FacadeProblems;
import net.imagingexchange.consumer.dicomweb.FacadeRetrieve;
import net.imagingexchange.consumer.dicomweb.FacadeSearch;
import net.imagingexchange.consumer.dicomweb.UpstreamResources;
import net.imagingexchange.consumer.region.DocumentRetrieval;
import net.imagingexchange.consumer.region.ImagingSources;
import net.imagingexchange.consumer.region.RegistryQueries;
import net.imagingexchange.consumer.region.StudyCatalogue;
import net.imagingexchange.consumer.report.ReportConfiguration;
import net.imagingexchange.consumer.retrieve.Rad69Retrieval;
import net.imagingexchange.consumer.retrieve.StudyRetrieval;
import net.imagingexchange.consumer.retrieve.WadoRsClient;
import net.imagingexchange.consumer.send.SendConfiguration;
import net.imagingexchange.xds.domain.AffinityDomain;
import net.imagingexchange.xds.domain.AffinityDomainProperties;
import net.imagingexchange.xds.soap.IpfClient;
import net.imagingexchange.xds.soap.OwnServer;
import net.imagingexchange.xds.soap.StoredQueryClient;

/**
 * The XDS-I.b Imaging Document Consumer of a reading site (DESIGN.md 3, {@code consumer-adapter}): the region seen
 * through ITI-18 and ITI-43, served to the site's PACS and viewers as one DICOMweb archive under
 * {@code /consumer/dicomweb}, pushed to the reading PACS, and the site's reports sent back as CDA (ITI-41).
 */
@AutoConfiguration(after = AuditAutoConfiguration.class)
@ConditionalOnProperty(prefix = "consumer", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties({ConsumerProperties.class, AffinityDomainProperties.class})
@Import({ReportConfiguration.class, SendConfiguration.class})
public class ConsumerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    AffinityDomain affinityDomain(AffinityDomainProperties properties) {
        return properties.load();
    }

    /** The regional patient ID's assigning authority: the configured one, else the affinity domain's. */
    @Bean
    RegionalPatients regionalPatients(ConsumerProperties properties, AffinityDomain domain) {
        String oid = properties.region().affinityDomainOid();
        return new RegionalPatients(oid.isBlank() ? domain.patientIdAssigningAuthority() : oid);
    }

    @Bean
    RegistryQueries consumerRegistryQueries(ConsumerProperties properties, AuditContext audit,
                                            Environment environment) {
        var region = properties.region();
        Supplier<String> url = OwnServer.orOwn(region.registryUrl(), environment, "/registry/iti18");
        return new RegistryQueries(StoredQueryClient.of(url, region.connectTimeout(), region.receiveTimeout(), audit));
    }

    @Bean
    DocumentRetrieval consumerDocumentRetrieval(ConsumerProperties properties, AuditContext audit,
                                                Environment environment) {
        var region = properties.region();
        // one client per configured repository and one for every other: not one per uniqueId a registry names
        Function<Supplier<String>, IpfClient<Iti43PortType>> client = url -> new IpfClient<>(
                XDS.Interactions.ITI_43.getWsTransactionConfiguration(), url, region.connectTimeout(),
                region.receiveTimeout(), audit);
        Map<String, IpfClient<Iti43PortType>> listed = new HashMap<>();
        region.repositories().forEach(r -> listed.putIfAbsent(r.uniqueId(), client.apply(r::url)));
        var other = client.apply(OwnServer.orOwn(region.defaultRepositoryUrl(), environment, "/repository/iti43"));
        return new DocumentRetrieval(repositoryUniqueId -> listed.getOrDefault(repositoryUniqueId, other));
    }

    @Bean(destroyMethod = "close")
    StudyCatalogue studyCatalogue(RegistryQueries registry, DocumentRetrieval repositories,
                                  ConsumerProperties properties, Clock clock) throws IOException {
        return new StudyCatalogue(registry, repositories, properties.manifestsDirectory(),
                properties.studiesDirectory(), properties.region().manifestCheckInterval(), clock);
    }

    @Bean
    ImagingSources imagingSources(ConsumerProperties properties, Environment environment) {
        return new ImagingSources(properties.region().imagingSources(), () -> OwnServer.url(environment, ""));
    }

    @Bean
    WadoRsClient wadoRsClient(ConsumerProperties properties) {
        return new WadoRsClient(properties.region().connectTimeout(), properties.region().receiveTimeout());
    }

    @Bean
    StudyRetrieval studyRetrieval(WadoRsClient wado, ImagingSources sources, ConsumerProperties properties,
                                  AuditContext audit) throws IOException {
        var region = properties.region();
        return new StudyRetrieval(wado, new Rad69Retrieval(region.connectTimeout(), region.receiveTimeout(), audit),
                sources, properties.spoolDirectory());
    }

    /** QIDO-RS over the region (PS3.18 10.6). */
    @Bean
    FacadeSearch facadeSearch(StudyCatalogue catalogue, RegionalPatients patients, ConsumerProperties properties) {
        return new FacadeSearch(catalogue, patients, properties.facade().baseUrl(),
                properties.facade().maxSearchResults());
    }

    /** WADO-RS over the region (PS3.18 10.4). */
    @Bean
    FacadeRetrieve facadeRetrieve(StudyCatalogue catalogue, StudyRetrieval retrieval, WadoRsClient wado,
                                  ImagingSources sources, AuditContext audit, ConsumerProperties properties) {
        return new FacadeRetrieve(catalogue, retrieval, new UpstreamResources(wado, sources), sources,
                new InstancesAccessedAudit(audit), properties.facade().baseUrl());
    }

    @Bean
    FacadeProblems facadeProblems() {
        return new FacadeProblems();
    }
}
