// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.openehealth.ipf.commons.audit.AuditContext;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.web.servlet.MultipartAutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;
import org.springframework.web.servlet.DispatcherServlet;

import net.imagingexchange.atna.AuditAutoConfiguration;
import net.imagingexchange.dicom.net.AcceptorSettings;
import net.imagingexchange.dicom.net.DicomServer;
import net.imagingexchange.imagingsource.api.StudyStatusController;
import net.imagingexchange.imagingsource.dicomweb.DicomWebProblems;
import net.imagingexchange.imagingsource.dicomweb.DicomWebUrls;
import net.imagingexchange.imagingsource.dicomweb.Rad107Endpoint;
import net.imagingexchange.imagingsource.dicomweb.Rad55Endpoint;
import net.imagingexchange.imagingsource.dicomweb.RetrieveAudit;
import net.imagingexchange.imagingsource.dicomweb.StowRsEndpoint;
import net.imagingexchange.imagingsource.dicomweb.qido.QidoRsController;
import net.imagingexchange.imagingsource.dicomweb.qido.QidoSearch;
import net.imagingexchange.imagingsource.identity.PatientIdentities;
import net.imagingexchange.imagingsource.index.ImagingSourceDatabase;
import net.imagingexchange.imagingsource.index.StudyIndex;
import net.imagingexchange.imagingsource.index.StudyLocks;
import net.imagingexchange.imagingsource.ingest.InstanceIngest;
import net.imagingexchange.imagingsource.ingest.TransferAudit;
import net.imagingexchange.imagingsource.manifest.ManifestSettings;
import net.imagingexchange.imagingsource.manifest.MetadataSettings;
import net.imagingexchange.imagingsource.manifest.XdsiManifests;
import net.imagingexchange.imagingsource.publish.ManifestFactory;
import net.imagingexchange.imagingsource.publish.PublicationScheduler;
import net.imagingexchange.imagingsource.publish.Publications;
import net.imagingexchange.imagingsource.publish.Publisher;
import net.imagingexchange.imagingsource.publish.RegistryQueryClient;
import net.imagingexchange.imagingsource.rad69.ImagingSourceSoapEndpoints;
import net.imagingexchange.imagingsource.rad69.InstanceRetrieval;
import net.imagingexchange.imagingsource.rad69.Rad69Endpoint;
import net.imagingexchange.imagingsource.storage.InstanceStore;
import net.imagingexchange.xds.domain.AffinityDomain;
import net.imagingexchange.xds.domain.AffinityDomainProperties;
import net.imagingexchange.xds.soap.OwnServer;
import net.imagingexchange.xds.soap.ProvideAndRegisterClient;
import net.imagingexchange.xds.soap.StoredQueryClient;
import net.imagingexchange.xds.soap.XdsServlets;

/**
 * The XDS-I.b Imaging Document Source actor: the C-STORE SCP and DICOMweb the hospital PACS sends to, the
 * publication of manifests (RAD-68), and the retrieval of images (RAD-69, WADO-RS, WADO-URI) under
 * {@code /imaging-source}.
 */
@AutoConfiguration(after = AuditAutoConfiguration.class, before = MultipartAutoConfiguration.class)
@ConditionalOnProperty(prefix = "imaging-source", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties({ImagingSourceProperties.class, AffinityDomainProperties.class})
public class ImagingSourceAutoConfiguration {

    /**
     * RAD-68 goes to the repository with IPF's ITI-41 client (not a bean: the exchange's reading site has one of its
     * own, for reports).
     */
    private static ProvideAndRegisterClient rad68Client(ImagingSourceProperties properties, AuditContext audit,
                                                        Environment environment) {
        var publication = properties.publication();
        Supplier<String> url = OwnServer.orOwn(publication.repositoryUrl(), environment, "/repository/iti41");
        return ProvideAndRegisterClient.of(url, publication.connectTimeout(), publication.receiveTimeout(), audit);
    }

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
    ImagingSourceDatabase imagingSourceDatabase(ImagingSourceProperties properties) {
        return ImagingSourceDatabase.open(properties);
    }

    @Bean
    StudyIndex studyIndex(ImagingSourceDatabase database, Clock clock) {
        return new StudyIndex(database.dataSource(), new StudyLocks(), clock);
    }

    @Bean
    InstanceStore instanceStore(ImagingSourceProperties properties) throws IOException {
        return new InstanceStore(properties.instancesDirectory(), properties.incomingDirectory());
    }

    @Bean
    InstanceIngest instanceIngest(InstanceStore store, StudyIndex index, AuditContext audit,
                                  ImagingSourceProperties properties) throws IOException {
        var ingest = new InstanceIngest(store, index, new TransferAudit(audit, properties.dicom().aeTitle()));
        ingest.recover(); // before the SCP accepts anything
        return ingest;
    }

    /** C-ECHO and C-STORE SCP for the hospital PACS (DESIGN.md 4: AE XDSI_SOURCE, TCP 11112). */
    @Bean(destroyMethod = "close")
    DicomServer imagingSourceDicomServer(ImagingSourceProperties properties, InstanceIngest ingest)
            throws IOException {
        var dicom = properties.dicom();
        var defaults = AcceptorSettings.defaults(dicom.aeTitle());
        var settings = new AcceptorSettings(dicom.aeTitle(), Set.of(), defaults.maxPduLength(),
                defaults.artimTimeout(), defaults.idleTimeout(), dicom.maxAssociations());
        return DicomServer.start(new InetSocketAddress(dicom.bindAddress(), dicom.port()), settings, ingest);
    }

    @Bean
    PatientIdentities patientIdentities(ImagingSourceProperties properties, AffinityDomain domain) {
        String oid = properties.patientIdentity().affinityDomainOid();
        return new PatientIdentities(oid.isBlank() ? domain.patientIdAssigningAuthority() : oid,
                properties.patientIdentity());
    }

    @Bean
    Publications publications(ImagingSourceDatabase database) {
        return new Publications(database.dataSource());
    }

    /**
     * The manifests' WADO-RS Retrieve URL names this server, whose port is known once it listens: the factory is made
     * on first use, when the first study is published.
     */
    @Bean
    ManifestFactory manifestFactory(ImagingSourceProperties properties, Environment environment) {
        return XdsiManifests.onFirstUse(() -> {
            var retrieve = properties.retrieve();
            String base = retrieve.baseUrl().isBlank() ? OwnServer.url(environment, "") : retrieve.baseUrl();
            return new XdsiManifests(new ManifestSettings(properties.dicom().aeTitle(),
                    retrieve.retrieveLocationUid(), base.replaceAll("/+$", "") + "/imaging-source/dicomweb",
                    properties.site().institutionName(), ManifestSettings.DEFAULT_MANUFACTURER,
                    ManifestSettings.DEFAULT_SERIES_NUMBER), MetadataSettings.of(properties, ZoneId.systemDefault()));
        });
    }

    @Bean
    RegistryQueryClient registryQueryClient(ImagingSourceProperties properties, AuditContext audit,
                                            Environment environment) {
        var publication = properties.publication();
        Supplier<String> url = OwnServer.orOwn(publication.registryQueryUrl(), environment, "/registry/iti18");
        return new RegistryQueryClient(StoredQueryClient.of(url, publication.connectTimeout(),
                publication.receiveTimeout(), audit));
    }

    @Bean
    Publisher publisher(StudyIndex index, Publications publications, PatientIdentities identities,
                        ManifestFactory manifests, RegistryQueryClient registry, ImagingSourceProperties properties,
                        Clock clock, AuditContext audit, Environment environment) throws IOException {
        var publication = properties.publication();
        return new Publisher(index, publications, identities, manifests, rad68Client(properties, audit, environment),
                registry, properties.manifestsDirectory(), clock,
                new Publisher.Backoff(publication.firstRetry(), publication.maxRetryDelay()));
    }

    @Bean(destroyMethod = "close")
    PublicationScheduler publicationScheduler(Publications publications, Publisher publisher,
                                              ImagingSourceProperties properties, Clock clock) {
        return new PublicationScheduler(publications, publisher, properties.publication().quietPeriod(), clock);
    }

    /** Publication starts once the server listens: the repository may be this exchange's own. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> publicationStart(PublicationScheduler scheduler,
                                                               ImagingSourceProperties properties) {
        return event -> scheduler.start(properties.publication().pollInterval());
    }

    @Bean
    StudyStatusController studyStatusController(StudyIndex index, Publications publications, Publisher publisher) {
        return new StudyStatusController(index, publications, publisher);
    }

    @Bean
    InstanceRetrieval instanceRetrieval(StudyIndex index, InstanceStore store, ImagingSourceProperties properties) {
        return new InstanceRetrieval(index, store, properties.retrieve().retrieveLocationUid());
    }

    @Bean(destroyMethod = "close")
    ImagingSourceSoapEndpoints imagingSourceSoapEndpoints(InstanceRetrieval retrieval, StudyIndex index,
                                                          AuditContext audit, ImagingSourceProperties properties) {
        return new ImagingSourceSoapEndpoints(new Rad69Endpoint(retrieval), index, audit,
                properties.retrieve().maxRequestSize().toBytes());
    }

    /** RAD-69 only: a CXF servlet on all of /imaging-source would take DICOMweb and WADO-URI from Spring MVC. */
    @Bean
    ServletRegistrationBean<CXFNonSpringServlet> imagingSourceSoapServlet(ImagingSourceSoapEndpoints endpoints) {
        var registration = new ServletRegistrationBean<>(XdsServlets.servlet(endpoints.bus()),
                ImagingSourceSoapEndpoints.PATH);
        registration.setName("imaging-source-soap");
        registration.setLoadOnStartup(1);
        return registration;
    }

    /** QIDO-RS over this source's studies (PS3.18 10.6). */
    @Bean
    QidoRsController qidoRsController(ImagingSourceDatabase database, InstanceStore store,
                                      ImagingSourceProperties properties) {
        return new QidoRsController(new QidoSearch(database.dataSource(), store),
                () -> publicDicomWebBase(properties), properties.retrieve().maxSearchResults());
    }

    /** The DICOMweb base URL of the manifests and search results; empty means the request's own. */
    static String publicDicomWebBase(ImagingSourceProperties properties) {
        String base = properties.retrieve().baseUrl();
        return base.isBlank() ? "" : base.replaceAll("/+$", "") + QidoRsController.BASE_PATH;
    }

    @Bean
    StowRsEndpoint stowRsEndpoint(InstanceIngest ingest, ImagingSourceProperties properties) {
        return new StowRsEndpoint(ingest, DicomWebUrls.publicBase(properties.retrieve().baseUrl()));
    }

    @Bean
    RetrieveAudit retrieveAudit(AuditContext audit, StudyIndex index) {
        return new RetrieveAudit(audit, index);
    }

    @Bean
    Rad107Endpoint rad107Endpoint(StudyIndex index, InstanceStore store, ImagingSourceProperties properties,
                                  RetrieveAudit audit) {
        return new Rad107Endpoint(index, store, DicomWebUrls.publicBase(properties.retrieve().baseUrl()), audit);
    }

    @Bean
    Rad55Endpoint rad55Endpoint(StudyIndex index, InstanceStore store, RetrieveAudit audit) {
        return new Rad55Endpoint(index, store, audit);
    }

    @Bean
    DicomWebProblems dicomWebProblems() {
        return new DicomWebProblems();
    }

    /**
     * Only multipart/form-data is a form: Spring's default resolver would read a STOW-RS body
     * ({@code multipart/related}) as one before the endpoint sees it.
     */
    @Bean(name = DispatcherServlet.MULTIPART_RESOLVER_BEAN_NAME)
    @ConditionalOnMissingBean(MultipartResolver.class)
    StandardServletMultipartResolver multipartResolver() {
        var resolver = new StandardServletMultipartResolver();
        resolver.setStrictServletCompliance(true);
        return resolver;
    }
}
