// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.xds.soap;

import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.ws.addressing.AddressingProperties;
import org.apache.cxf.ws.addressing.ContextUtils;
import org.slf4j.MDC;

/**
 * Puts the request's WS-Addressing MessageID into the logging MDC as {@code corr} for the time of the call
 * (docs/decisions/0005), so every log line of one transaction can be found together. The out chain removes it.
 */
final class CorrelationId {

    /** MDC key of the correlation id. */
    static final String MDC_KEY = "corr";

    private CorrelationId() {
    }

    static final class Set extends AbstractPhaseInterceptor<Message> {
        Set() {
            super(Phase.PRE_INVOKE);
        }

        @Override
        public void handleMessage(Message message) {
            AddressingProperties maps = ContextUtils.retrieveMAPs(message, false, false, false);
            if (maps != null && maps.getMessageID() != null && maps.getMessageID().getValue() != null) {
                String id = maps.getMessageID().getValue();
                MDC.put(MDC_KEY, id.length() > 64 ? id.substring(0, 64) : id);
            }
        }
    }

    static final class Clear extends AbstractPhaseInterceptor<Message> {
        Clear() {
            super(Phase.SETUP_ENDING);
        }

        @Override
        public void handleMessage(Message message) {
            MDC.remove(MDC_KEY);
        }

        @Override
        public void handleFault(Message message) {
            MDC.remove(MDC_KEY);
        }
    }
}
