// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.report;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The few StAX calls a CDA needs, in the HL7 v3 namespace: elements with attributes given as name-value pairs (a null
 * value leaves the attribute out). StAX escapes every text and attribute value.
 */
final class XmlOut {

    static final String HL7_V3 = "urn:hl7-org:v3";

    private final XMLStreamWriter out;

    XmlOut(XMLStreamWriter out) {
        this.out = out;
    }

    XmlOut open(String element, String... attributes) throws XMLStreamException {
        out.writeStartElement(HL7_V3, element);
        attributes(attributes);
        return this;
    }

    XmlOut close() throws XMLStreamException {
        out.writeEndElement();
        return this;
    }

    XmlOut empty(String element, String... attributes) throws XMLStreamException {
        out.writeEmptyElement(HL7_V3, element);
        attributes(attributes);
        return this;
    }

    /** {@code <element>text</element>}. */
    XmlOut text(String element, String text) throws XMLStreamException {
        out.writeStartElement(HL7_V3, element);
        out.writeCharacters(text);
        out.writeEndElement();
        return this;
    }

    XmlOut characters(String text) throws XMLStreamException {
        out.writeCharacters(text);
        return this;
    }

    private void attributes(String... attributes) throws XMLStreamException {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come as name-value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.writeAttribute(attributes[i], attributes[i + 1]);
            }
        }
    }
}
