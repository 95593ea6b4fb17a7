// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry;

import java.time.Clock;
import java.util.UUID;

import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.openehealth.ipf.commons.audit.AuditContext;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;

import net.imagingexchange.atna.AuditAutoConfiguration;
import net.imagingexchange.registry.patientfeed.AdtMessageReader;
import net.imagingexchange.registry.patientfeed.Iti8Endpoint;
import net.imagingexchange.registry.patientfeed.PatientFeedListener;
import net.imagingexchange.registry.patientfeed.PatientRegistry;
import net.imagingexchange.registry.query.Iti18Endpoint;
import net.imagingexchange.registry.query.StoredQueryService;
import net.imagingexchange.registry.register.Iti42Endpoint;
import net.imagingexchange.registry.register.SubmissionRegistrar;
import net.imagingexchange.registry.store.RegistryDatabase;
import net.imagingexchange.registry.store.RegistryStore;
import net.imagingexchange.registry.store.RegistryTransactions;
import net.imagingexchange.xds.domain.AffinityDomain;
import net.imagingexchange.xds.domain.AffinityDomainProperties;
import net.imagingexchange.xds.soap.XdsServlets;

/** The XDS.b Document Registry actor: ITI-42 and ITI-18 under {@code /registry}, ITI-8 over MLLP. */
@AutoConfiguration(after = AuditAutoConfiguration.class)
@EnableConfigurationProperties({RegistryProperties.class, AffinityDomainProperties.class})
public class RegistryAutoConfiguration {

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

    @Bean(destroyMethod = "close")
    RegistryDatabase registryDatabase(RegistryProperties properties) {
        return RegistryDatabase.open(properties);
    }

    @Bean
    RegistryTransactions registryTransactions(RegistryDatabase database) {
        return new RegistryTransactions(database.dataSource());
    }

    @Bean
    RegistryStore registryStore(RegistryDatabase database, Clock clock) {
        return new RegistryStore(database.dataSource(), clock);
    }

    @Bean
    PatientRegistry patientRegistry(RegistryDatabase database, RegistryTransactions transactions,
                                    AffinityDomain domain, RegistryProperties properties, Clock clock) {
        return new PatientRegistry(database.dataSource(), transactions, domain, properties.patientIdentity(), clock);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    PatientFeedListener patientFeedListener(PatientRegistry patients, AffinityDomain domain,
                                            RegistryProperties properties, Clock clock) {
        return new PatientFeedListener(new Iti8Endpoint(new AdtMessageReader(domain), patients),
                new PatientFeedListener.Binding(properties.patientFeedBindAddress(), properties.patientFeedPort()),
                clock);
    }

    @Bean
    SubmissionRegistrar submissionRegistrar(RegistryStore store, RegistryTransactions transactions,
                                            PatientRegistry patients, AffinityDomain domain,
                                            RegistryProperties properties, Clock clock) {
        return new SubmissionRegistrar(store, transactions, patients,
                new SubmissionRegistrar.Policy(domain, properties.enforceCodeSets()), clock, UUID::randomUUID);
    }

    @Bean
    StoredQueryService storedQueryService(RegistryDatabase database, RegistryStore store,
                                          RegistryProperties properties) {
        return new StoredQueryService(database.dataSource(), store, properties.maxQueryResults());
    }

    @Bean(destroyMethod = "close")
    RegistrySoapEndpoints registrySoapEndpoints(SubmissionRegistrar registrar, StoredQueryService queries,
                                                AuditContext audit, RegistryProperties properties) {
        return new RegistrySoapEndpoints(new Iti42Endpoint(registrar), new Iti18Endpoint(queries), audit,
                properties.maxRequestSize().toBytes());
    }

    @Bean
    ServletRegistrationBean<CXFNonSpringServlet> registryServlet(RegistrySoapEndpoints endpoints) {
        var registration = new ServletRegistrationBean<>(XdsServlets.servlet(endpoints.bus()), RegistrySoapEndpoints.PATH);
        registration.setName("registry");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
