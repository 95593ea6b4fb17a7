// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.testing;

import java.util.Iterator;
import java.util.Map;

import javax.xml.namespace.NamespaceContext;

/** The prefixes the tests' XPath expressions use: soap, wsa, rs, rim, lcm, query. */
final class XmlNamespaces implements NamespaceContext {

    static final XmlNamespaces XDS = new XmlNamespaces();

    private static final Map<String, String> PREFIXES = Map.of(
            "soap", "http://www.w3.org/2003/05/soap-envelope",
            "wsa", "http://www.w3.org/2005/08/addressing",
            "rs", "urn:oasis:names:tc:ebxml-regrep:xsd:rs:3.0",
            "rim", "urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0",
            "lcm", "urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0",
            "query", "urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0");

    private XmlNamespaces() {
    }

    @Override
    public String getNamespaceURI(String prefix) {
        return PREFIXES.get(prefix);
    }

    @Override
    public String getPrefix(String uri) {
        return null;
    }

    @Override
    public Iterator<String> getPrefixes(String uri) {
        return null;
    }
}
