// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.atna;

import org.openehealth.ipf.commons.audit.AuditContext;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** One ATNA audit context ({@code exchange.audit.*}) shared by every actor of the process. */
@AutoConfiguration
@EnableConfigurationProperties(AuditProperties.class)
public class AuditAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AuditContext auditContext(AuditProperties properties) {
        return AuditContexts.create(properties);
    }

    @Bean
    ApplicationActivityAudit applicationActivityAudit(AuditContext audit, Environment environment) {
        return new ApplicationActivityAudit(audit, environment.getProperty("spring.application.name",
                "imaging-exchange"));
    }
}
