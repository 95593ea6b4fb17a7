// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.xds.soap;

import javax.xml.namespace.QName;

import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.service.model.BindingOperationInfo;
import org.apache.cxf.ws.addressing.AddressingProperties;
import org.apache.cxf.ws.addressing.ContextUtils;

/**
 * ITI TF-2 Appendix V: the {@code wsa:Action} of a request must be the input action of the operation the endpoint
 * serves; any other action is answered with a {@code wsa:ActionNotSupported} fault, never processed.
 */
final class ActionCheck extends AbstractSoapInterceptor {

    private static final QName WSAM_ACTION = new QName("http://www.w3.org/2007/05/addressing/metadata", "Action");
    private static final QName ACTION_NOT_SUPPORTED =
            new QName("http://www.w3.org/2005/08/addressing", "ActionNotSupported");

    ActionCheck() {
        super(Phase.PRE_INVOKE);
    }

    @Override
    public void handleMessage(SoapMessage message) {
        BindingOperationInfo operation = message.getExchange().getBindingOperationInfo();
        AddressingProperties maps = ContextUtils.retrieveMAPs(message, false, false, false);
        if (operation == null || maps == null || maps.getAction() == null) {
            return;
        }
        Object expected = operation.getOperationInfo().getInput().getExtensionAttribute(WSAM_ACTION);
        String actual = maps.getAction().getValue();
        if (expected != null && !expected.toString().equals(actual)) {
            var fault = new SoapFault("action " + actual + " is not supported by this endpoint, which expects "
                    + expected, message.getVersion().getSender());
            fault.addSubCode(ACTION_NOT_SUPPORTED);
            throw fault;
        }
    }
}
