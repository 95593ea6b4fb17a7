// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.xds.ebrim;

import java.io.StringReader;
import java.io.StringWriter;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;

import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLFactory30;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.AssociationType1;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.ExtrinsicObjectType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.IdentifiableType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.RegistryPackageType;

/**
 * Marshals single ebRIM 3.0 registry objects to XML text for storage and reads them back, so that LeafClass query
 * answers return what was registered (extra metadata included). Thread-safe. The reader refuses DTDs and never
 * resolves external entities.
 */
public final class EbrimXml {

    private static final JAXBContext CONTEXT = newContext();
    private static final XMLInputFactory INPUT = secureInputFactory();

    private EbrimXml() {
    }

    /** {@code rim:ExtrinsicObject}, {@code rim:RegistryPackage} or {@code rim:Association} as XML text. */
    public static String write(IdentifiableType object) {
        try {
            Marshaller marshaller = CONTEXT.createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
            var out = new StringWriter(4096);
            marshaller.marshal(element(object), out);
            return out.toString();
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot marshal registry object " + object.getId(), e);
        }
    }

    /** Reads back what {@link #write} produced. */
    public static <T extends IdentifiableType> T read(String xml, Class<T> type) {
        try {
            var reader = INPUT.createXMLStreamReader(new StringReader(xml));
            try {
                return CONTEXT.createUnmarshaller().unmarshal(reader, type).getValue();
            } finally {
                reader.close();
            }
        } catch (JAXBException | XMLStreamException e) {
            throw new IllegalStateException("stored registry object is not readable as " + type.getSimpleName(), e);
        }
    }

    /** Wraps a registry object in the element a RegistryObjectList carries. */
    public static JAXBElement<? extends IdentifiableType> element(IdentifiableType object) {
        var rim = EbXMLFactory30.RIM_FACTORY;
        if (object instanceof ExtrinsicObjectType extrinsic) {
            return rim.createExtrinsicObject(extrinsic);
        }
        if (object instanceof RegistryPackageType registryPackage) {
            return rim.createRegistryPackage(registryPackage);
        }
        if (object instanceof AssociationType1 association) {
            return rim.createAssociation(association);
        }
        throw new IllegalArgumentException("not a top-level XDS registry object: " + object.getClass().getSimpleName());
    }

    private static JAXBContext newContext() {
        try {
            return JAXBContext.newInstance(ExtrinsicObjectType.class, RegistryPackageType.class, AssociationType1.class);
        } catch (JAXBException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static XMLInputFactory secureInputFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        try {
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        } catch (IllegalArgumentException ignored) {
            // not every StAX implementation knows the JAXP 1.5 property; DTD support is off anyway
        }
        return factory;
    }
}
