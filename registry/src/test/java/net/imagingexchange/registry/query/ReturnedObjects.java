// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.query;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import net.imagingexchange.registry.testing.SoapClient;

/** The children of an answer's {@code rim:RegistryObjectList}, read once from the parsed envelope. */
record ReturnedObjects(List<Element> objects) {

    private static final String RIM = "urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0";

    static ReturnedObjects of(SoapClient.Answer answer) {
        var objects = new ArrayList<Element>();
        var lists = answer.document().getElementsByTagNameNS(RIM, "RegistryObjectList");
        for (int i = 0; i < lists.getLength(); i++) {
            for (Node child = lists.item(i).getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element element) {
                    objects.add(element);
                }
            }
        }
        return new ReturnedObjects(List.copyOf(objects));
    }

    /** Objects with this rim: element name. */
    int count(String localName) {
        return (int) objects.stream()
                .filter(e -> RIM.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())).count();
    }

    /** RegistryPackages classified by this node: SubmissionSets or Folders (ITI TF-3 4.2.3.3, 4.2.3.4). */
    int registryPackages(String classificationNode) {
        return (int) objects.stream().filter(e -> "RegistryPackage".equals(e.getLocalName()))
                .filter(e -> hasClassificationNode(e, classificationNode)).count();
    }

    List<String> ids() {
        return objects.stream().map(e -> e.getAttribute("id")).toList();
    }

    private static boolean hasClassificationNode(Element registryPackage, String node) {
        var classifications = registryPackage.getElementsByTagNameNS(RIM, "Classification");
        for (int i = 0; i < classifications.getLength(); i++) {
            if (node.equals(((Element) classifications.item(i)).getAttribute("classificationNode"))) {
                return true;
            }
        }
        return false;
    }
}
