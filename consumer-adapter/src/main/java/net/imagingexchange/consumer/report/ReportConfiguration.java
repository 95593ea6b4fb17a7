// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.report;

import org.springframework.context.annotation.Configuration;

/** Placeholder: filled in by the report capability. */
@Configuration(proxyBeanMethods = false)
public class ReportConfiguration {
}
