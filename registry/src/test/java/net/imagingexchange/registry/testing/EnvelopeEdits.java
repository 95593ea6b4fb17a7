// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.testing;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Breaks one thing in a valid sample, as a conformance case describes it: {@code remove} the nodes an XPath
 * selects, {@code set} their value, or {@code append} an XML fragment (in the rim namespace) to an element.
 */
public final class EnvelopeEdits {

    private static final String RIM = "urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0";

    private EnvelopeEdits() {
    }

    /** One edit: exactly one of remove / set+to / append+xml. */
    public record Edit(String remove, String set, String to, String append, String xml) {
    }

    public static String apply(String envelope, List<Edit> edits) {
        if (edits == null || edits.isEmpty()) {
            return envelope;
        }
        try {
            Document document = parse(envelope);
            for (Edit edit : edits) {
                if (edit.remove() != null) {
                    for (Node node : select(document, edit.remove())) {
                        if (node.getNodeType() == Node.ATTRIBUTE_NODE) {
                            ((org.w3c.dom.Attr) node).getOwnerElement().removeAttributeNode((org.w3c.dom.Attr) node);
                        } else {
                            node.getParentNode().removeChild(node);
                        }
                    }
                } else if (edit.set() != null) {
                    select(document, edit.set()).forEach(node -> node.setTextContent(edit.to()));
                } else if (edit.append() != null) {
                    Document fragment = parse("<wrapper xmlns:rim=\"" + RIM + "\">" + edit.xml() + "</wrapper>");
                    for (Node parent : select(document, edit.append())) {
                        NodeList children = fragment.getDocumentElement().getChildNodes();
                        for (int i = 0; i < children.getLength(); i++) {
                            parent.appendChild(document.importNode(children.item(i), true));
                        }
                    }
                }
            }
            var out = new StringWriter();
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException("cannot apply edits " + edits, e);
        }
    }

    private static Document parse(String xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Node> select(Document document, String xpath) throws Exception {
        var path = XPathFactory.newInstance().newXPath();
        path.setNamespaceContext(XmlNamespaces.XDS);
        NodeList nodes = (NodeList) path.evaluate(xpath, document, XPathConstants.NODESET);
        if (nodes.getLength() == 0) {
            throw new IllegalArgumentException("edit selects nothing: " + xpath);
        }
        var list = new java.util.ArrayList<Node>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add(nodes.item(i));
        }
        return list;
    }
}
