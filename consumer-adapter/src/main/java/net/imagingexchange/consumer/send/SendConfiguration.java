// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.send;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;

import org.openehealth.ipf.commons.audit.AuditContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import net.imagingexchange.consumer.ConsumerProperties;
import net.imagingexchange.consumer.region.StudyCatalogue;
import net.imagingexchange.consumer.retrieve.StudyRetrieval;

/**
 * Push to the reading PACS ({@code consumer.send}): jobs that retrieve a study from the region and deliver it by
 * C-STORE or STOW-RS, kept under {@code <consumer.data-directory>/consumer/send} so that a restart resumes them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SendProperties.class)
public class SendConfiguration {

    /** The configured destinations, checked at start-up; a DICOM node calls with the site's AE title by default. */
    @Bean
    Destinations sendDestinations(SendProperties properties, ConsumerProperties consumer) {
        return Destinations.of(properties, consumer.site().aeTitle());
    }

    @Bean
    SendJobs sendJobs(SendProperties properties, ConsumerProperties consumer, Clock clock) throws IOException {
        return new SendJobs(consumer.dataDirectory().resolve("consumer").resolve("send"), properties.keepFinished(),
                clock);
    }

    @Bean
    SendAttempt sendAttempt(SendJobs jobs, Destinations destinations, StudyCatalogue catalogue,
                            StudyRetrieval retrieval, SendProperties properties, AuditContext audit, Clock clock) {
        Map<Destination.Type, Delivery> deliveries = Map.of(
                Destination.Type.DICOM, new CStoreDelivery(properties.connectTimeout(), properties.responseTimeout()),
                Destination.Type.DICOMWEB, new StowRsDelivery(properties.connectTimeout(),
                        properties.responseTimeout()));
        return new SendAttempt(jobs, destinations, catalogue, new SendSpool(retrieval), deliveries,
                new InstancesTransferredAudit(audit), clock);
    }

    @Bean
    SendQueue sendQueue(SendJobs jobs, SendAttempt attempt, SendProperties properties, Clock clock) {
        return new SendQueue(jobs, attempt, properties.workers(), clock);
    }

    @Bean
    SendEndpoint sendEndpoint(StudyCatalogue catalogue, Destinations destinations, SendJobs jobs, SendQueue queue,
                              Clock clock) {
        return new SendEndpoint(catalogue, destinations, jobs, queue, clock);
    }

    @Bean
    SendProblems sendProblems() {
        return new SendProblems();
    }
}
