// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository;

import java.io.IOException;
import java.time.Clock;
import java.util.function.Supplier;

import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.openehealth.ipf.commons.audit.AuditContext;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import net.imagingexchange.atna.AuditAutoConfiguration;
import net.imagingexchange.repository.index.DocumentIndex;
import net.imagingexchange.repository.index.RepositoryDatabase;
import net.imagingexchange.repository.provide.DocumentSetProvider;
import net.imagingexchange.repository.provide.Iti41Endpoint;
import net.imagingexchange.repository.provide.PendingSubmissions;
import net.imagingexchange.repository.provide.RegistryClient;
import net.imagingexchange.repository.provide.SoapRegistryClient;
import net.imagingexchange.repository.retrieve.Iti43Endpoint;
import net.imagingexchange.repository.storage.ContentLocks;
import net.imagingexchange.repository.storage.DocumentStore;
import net.imagingexchange.repository.storage.FileDocumentStore;
import net.imagingexchange.xds.soap.OwnServer;
import net.imagingexchange.xds.soap.XdsServlets;

/** The XDS.b Document Repository actor: ITI-41 / RAD-68 and ITI-43 under {@code /repository}. */
@AutoConfiguration(after = AuditAutoConfiguration.class)
@EnableConfigurationProperties(RepositoryProperties.class)
public class RepositoryAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    RepositoryDatabase repositoryDatabase(RepositoryProperties properties) {
        return RepositoryDatabase.open(properties);
    }

    @Bean
    DocumentIndex documentIndex(RepositoryDatabase database, Clock clock) {
        return new DocumentIndex(database.dataSource(), clock);
    }

    @Bean
    DocumentStore documentStore(RepositoryProperties properties) throws IOException {
        return new FileDocumentStore(properties.documentsDirectory());
    }

    @Bean
    @ConditionalOnMissingBean
    RegistryClient registryClient(RepositoryProperties properties, AuditContext audit, Environment environment) {
        var registry = properties.registry();
        Supplier<String> register = OwnServer.orOwn(registry.url(), environment, "/registry/iti42");
        Supplier<String> query = !registry.queryUrl().isBlank() ? registry::queryUrl
                : registry.url().isBlank() ? () -> OwnServer.url(environment, "/registry/iti18")
                : () -> registry.url().replaceFirst("iti42$", "iti18");
        return new SoapRegistryClient(new SoapRegistryClient.Settings(register, query, registry.connectTimeout(),
                registry.receiveTimeout()), audit);
    }

    @Bean
    ContentLocks contentLocks() {
        return new ContentLocks();
    }

    @Bean(destroyMethod = "close")
    PendingSubmissions pendingSubmissions(DocumentIndex index, DocumentStore store, ContentLocks locks,
                                          RegistryClient registry, RepositoryProperties properties, Clock clock) {
        var pending = new PendingSubmissions(index, store, locks, registry, clock);
        pending.start(properties.registry().settleInterval(), properties.registry().settleAfter());
        return pending;
    }

    @Bean
    DocumentSetProvider documentSetProvider(DocumentStore store, ContentLocks locks, DocumentIndex index,
                                            RegistryClient registry, PendingSubmissions pending,
                                            RepositoryProperties properties) {
        return new DocumentSetProvider(store, locks, index, registry, pending, new DocumentSetProvider.Settings(
                properties.repositoryUniqueId(), properties.maxDocumentSize().toBytes()));
    }

    @Bean(destroyMethod = "close")
    RepositorySoapEndpoints repositorySoapEndpoints(DocumentSetProvider provider, DocumentIndex index,
                                                    DocumentStore store, AuditContext audit,
                                                    RepositoryProperties properties) {
        return new RepositorySoapEndpoints(new Iti41Endpoint(provider),
                new Iti43Endpoint(index, store, properties.repositoryUniqueId()), audit, properties);
    }

    /**
     * Tomcat cuts every write into pieces of its socket write buffer, 8 KiB by default: one system call each for a
     * document of hundreds of MiB. A larger buffer (per open connection) lets ITI-43 stream in large blocks.
     */
    @Bean
    @ConditionalOnClass(TomcatServletWebServerFactory.class)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> repositorySocketWriteBuffer(
            RepositoryProperties properties) {
        String bytes = Long.toString(properties.socketWriteBuffer().toBytes());
        return factory -> factory.addConnectorCustomizers(
                connector -> connector.setProperty("socket.appWriteBufSize", bytes));
    }

    @Bean
    ServletRegistrationBean<CXFNonSpringServlet> repositoryServlet(RepositorySoapEndpoints endpoints) {
        var registration = new ServletRegistrationBean<>(XdsServlets.servlet(endpoints.bus()),
                RepositorySoapEndpoints.PATH);
        registration.setName("repository");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
