// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.report;

import java.net.URL;
import java.nio.file.Path;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

/**
 * The HL7 CDA R2 schema (spec/xdsi.md 7.4 RPT-01), as the test classpath carries it: the normative CDA.xsd with
 * POCD_MT000040.xsd and the HL7 v3 coreschemas, from the Maven artifact {@code com.github.rahulsom:ihe-iti:0.9}.
 * Another copy of the schema only needs {@link #LOCATION} changed.
 */
final class CdaSchema {

    /** The classpath resource of CDA.xsd; its includes are resolved relative to it. */
    static final String LOCATION = "cda/infrastructure/cda/CDA.xsd";

    private CdaSchema() {
    }

    /** Validates {@code cda}; throws with the schema's message when it is not valid. */
    static void validate(Path cda) throws Exception {
        schema().newValidator().validate(new StreamSource(cda.toFile()));
    }

    private static Schema schema() throws Exception {
        URL xsd = CdaSchema.class.getClassLoader().getResource(LOCATION);
        if (xsd == null) {
            throw new IllegalStateException(LOCATION + " is not on the test classpath");
        }
        return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd);
    }
}
