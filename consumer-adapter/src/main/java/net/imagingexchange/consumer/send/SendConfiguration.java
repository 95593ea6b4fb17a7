// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.send;

import org.springframework.context.annotation.Configuration;

/** Placeholder: filled in by the send capability. */
@Configuration(proxyBeanMethods = false)
public class SendConfiguration {
}
