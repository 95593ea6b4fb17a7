// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.Templates;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;

import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * A CDA report as HTML for people, with the JDK's XSLT 1.0 processor and {@code cda-to-html.xsl}. The stylesheet is
 * compiled once; the document is parsed without DTDs or external entities (DESIGN.md 7).
 */
public final class ReportRendering {

    private static final String STYLESHEET = "cda-to-html.xsl";

    private final Templates templates;
    private final SAXParserFactory parsers;

    public ReportRendering() {
        try (InputStream xsl = ReportRendering.class.getResourceAsStream(STYLESHEET)) {
            if (xsl == null) {
                throw new IllegalStateException(STYLESHEET + " is missing from the classpath");
            }
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            templates = factory.newTemplates(new StreamSource(xsl));
            parsers = SAXParserFactory.newInstance();
            parsers.setNamespaceAware(true);
            parsers.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            parsers.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (IOException | TransformerConfigurationException | ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the report stylesheet cannot be loaded: " + e.getMessage(), e);
        }
    }

    /** Writes the HTML page of {@code cda} to {@code target}, which the caller closes. */
    public void render(Path cda, OutputStream target) throws IOException {
        try (InputStream in = Files.newInputStream(cda)) {
            XMLReader reader = parsers.newSAXParser().getXMLReader();
            templates.newTransformer().transform(new SAXSource(reader, new InputSource(in)), new StreamResult(target));
        } catch (TransformerException | ParserConfigurationException | SAXException e) {
            throw new IOException("the report cannot be rendered: " + e.getMessage(), e);
        }
    }
}
