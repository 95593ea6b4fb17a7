// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import net.imagingexchange.dicom.DicomTime;

/**
 * Writes a {@link ClinicalReport} as an HL7 CDA R2 document, DICOM PS3.20 Imaging Report (decision 0012; spec/xdsi.md
 * 6.1-6.4): the header, then the DICOM Object Catalog as the first section, Findings and Impression. Streams with StAX
 * into the caller's stream, which the caller closes.
 */
public final class CdaWriter {

    static final String LOINC = "2.16.840.1.113883.6.1";
    /** PS3.20 Imaging Report, General Header, Imaging Header (spec/xdsi.md 6.1). */
    static final String[] DOCUMENT_TEMPLATES = {"1.2.840.10008.9.1", "1.2.840.10008.9.20", "1.2.840.10008.9.21"};
    static final String TYPE_CODE = "18748-4";
    static final String TYPE_DISPLAY = "Diagnostic imaging study";
    /** PS3.20 (spec/xdsi.md 6.2): Physician Reading Study Performer. */
    static final String READING_PERFORMER_TEMPLATE = "2.16.840.1.113883.10.20.6.2.1";
    static final String FINDINGS_TEMPLATE = "2.16.840.1.113883.10.20.6.1.2";
    static final String IMPRESSION_TEMPLATE = "1.2.840.10008.9.5";
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmssxx");

    private final String realmCode;
    private final CodedValue confidentiality;
    private final String languageCode;

    public CdaWriter(String realmCode, CodedValue confidentiality, String languageCode) {
        this.realmCode = realmCode;
        this.confidentiality = confidentiality;
        this.languageCode = languageCode;
    }

    public void write(ClinicalReport report, OutputStream target) throws IOException {
        try {
            XMLStreamWriter writer = XMLOutputFactory.newFactory().createXMLStreamWriter(target, "UTF-8");
            writer.writeStartDocument("UTF-8", "1.0");
            writer.setDefaultNamespace(XmlOut.HL7_V3);
            writer.writeStartElement(XmlOut.HL7_V3, "ClinicalDocument");
            writer.writeDefaultNamespace(XmlOut.HL7_V3);
            var x = new XmlOut(writer);
            header(x, report);
            x.open("component").open("structuredBody");
            x.open("component");
            ObjectCatalog.write(x, report); // C-CDA DIR: the catalog, when present, is the first section
            x.close();
            narrativeSection(x, new Heading(FINDINGS_TEMPLATE, "59776-5", "Procedure Findings", "Findings"),
                    report.findings());
            narrativeSection(x, new Heading(IMPRESSION_TEMPLATE, "19005-8",
                    "Radiology Imaging study [Impression] (narrative)", "Impression"), report.impression());
            x.close().close(); // structuredBody, component
            writer.writeEndElement();
            writer.writeEndDocument();
            writer.flush();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IOException("the CDA could not be written: " + e.getMessage(), e);
        }
    }

    // spec/xdsi.md 6.2, in the element order of POCD_MT000040.ClinicalDocument
    private void header(XmlOut x, ClinicalReport report) throws XMLStreamException {
        var document = report.document();
        x.empty("realmCode", "code", realmCode);
        x.empty("typeId", "root", "2.16.840.1.113883.1.3", "extension", "POCD_HD000040");
        for (String template : DOCUMENT_TEMPLATES) {
            x.empty("templateId", "root", template);
        }
        x.empty("id", "root", document.id());
        x.empty("code", "code", TYPE_CODE, "codeSystem", LOINC, "codeSystemName", "LOINC",
                "displayName", TYPE_DISPLAY);
        x.text("title", document.title());
        x.empty("effectiveTime", "value", ts(document.effectiveTime()));
        x.empty("confidentialityCode", "code", confidentiality.code(), "codeSystem", confidentiality.scheme(),
                "displayName", confidentiality.display());
        x.empty("languageCode", "code", languageCode);
        x.empty("setId", "root", document.setId());
        x.empty("versionNumber", "value", Integer.toString(document.version()));
        recordTarget(x, report.patient());
        x.open("author");
        x.empty("time", "value", ts(document.effectiveTime()));
        assignedPerson(x, "assignedAuthor", report.author());
        x.close();
        x.open("custodian").open("assignedCustodian").open("representedCustodianOrganization");
        x.empty("id", "root", report.custodian().oid());
        x.text("name", report.custodian().name());
        x.close().close().close();
        if (report.status() == ReportRequest.Status.FINAL) {
            x.open("legalAuthenticator"); // spec/xdsi.md 6.2: the signing radiologist of a final report
            x.empty("time", "value", ts(document.effectiveTime()));
            x.empty("signatureCode", "code", "S");
            assignedPerson(x, "assignedEntity", report.author());
            x.close();
        }
        x.open("inFulfillmentOf").open("order");
        var accession = report.accession(); // C-CDA DIR: order/id is the Accession Number
        x.empty("id", "root", accession.issuer().orElse(null), "extension", accession.number(),
                "nullFlavor", accession.issuer().isPresent() ? null : "UNK");
        x.close().close();
        serviceEvent(x, report);
        if (document.replaced().isPresent()) {
            ClinicalReport.Parent parent = document.replaced().get();
            x.open("relatedDocument", "typeCode", "RPLC").open("parentDocument");
            x.empty("id", "root", parent.id());
            x.empty("setId", "root", parent.setId());
            x.empty("versionNumber", "value", Integer.toString(parent.version()));
            x.close().close();
        }
    }

    private static void recordTarget(XmlOut x, ClinicalReport.Patient patient) throws XMLStreamException {
        x.open("recordTarget").open("patientRole");
        x.empty("id", "root", patient.idRoot(), "extension", patient.id());
        x.open("patient");
        personName(x, patient.name());
        String sex = switch (patient.sex()) {
            case "M", "F" -> patient.sex();
            default -> "UN";
        };
        x.empty("administrativeGenderCode", "code", sex, "codeSystem", "2.16.840.1.113883.5.1");
        if (patient.birthDate().matches("\\d{8}")) {
            x.empty("birthTime", "value", patient.birthDate());
        } else {
            x.empty("birthTime", "nullFlavor", "UNK");
        }
        x.close().close().close();
    }

    private static void assignedPerson(XmlOut x, String element, ClinicalReport.Author author)
            throws XMLStreamException {
        x.open(element);
        if (author.id().isPresent()) {
            x.empty("id", "root", author.organization().oid(), "extension", author.id().get());
        } else {
            x.empty("id", "nullFlavor", "UNK");
        }
        x.open("assignedPerson");
        personName(x, author.name());
        x.close();
        x.open("representedOrganization");
        x.empty("id", "root", author.organization().oid());
        x.text("name", author.organization().name());
        x.close();
        x.close();
    }

    private static void serviceEvent(XmlOut x, ClinicalReport report) throws XMLStreamException {
        var study = report.study().study();
        x.open("documentationOf").open("serviceEvent", "classCode", "ACT");
        x.empty("id", "root", study.studyInstanceUid()); // spec/xdsi.md 6.2: the Study Instance UID, root only
        if (study.description().isBlank()) {
            x.empty("code", "nullFlavor", "UNK");
        } else {
            x.open("code", "nullFlavor", "UNK").text("originalText", study.description()).close();
        }
        Optional<String> time = studyTime(study.date(), study.time());
        if (time.isPresent()) {
            x.open("effectiveTime").empty("low", "value", time.get()).close();
        } else {
            x.empty("effectiveTime", "nullFlavor", "UNK");
        }
        x.open("performer", "typeCode", "PRF");
        x.empty("templateId", "root", READING_PERFORMER_TEMPLATE);
        assignedPerson(x, "assignedEntity", report.author());
        x.close();
        x.close().close();
    }

    private record Heading(String template, String loinc, String display, String title) {
    }

    /** A section of plain text: paragraphs at blank lines, line breaks kept. */
    private static void narrativeSection(XmlOut x, Heading heading, String text) throws XMLStreamException {
        x.open("component").open("section", "classCode", "DOCSECT", "moodCode", "EVN");
        x.empty("templateId", "root", heading.template());
        x.empty("code", "code", heading.loinc(), "codeSystem", LOINC, "codeSystemName", "LOINC",
                "displayName", heading.display());
        x.text("title", heading.title());
        x.open("text");
        for (String paragraph : text.strip().split("\\R\\s*\\R")) {
            x.open("paragraph");
            String[] lines = paragraph.strip().split("\\R");
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    x.empty("br");
                }
                x.characters(lines[i]);
            }
            x.close();
        }
        x.close();
        x.close().close();
    }

    /** PN {@code Family^Given^Middle^Prefix^Suffix} as CDA PN parts; free text as it is. */
    private static void personName(XmlOut x, String name) throws XMLStreamException {
        if (name == null || name.isBlank()) {
            x.empty("name", "nullFlavor", "UNK");
            return;
        }
        if (!name.contains("^")) {
            x.text("name", name.strip());
            return;
        }
        String[] parts = name.split("=", -1)[0].split("\\^", -1);
        x.open("name");
        if (parts.length > 3 && !parts[3].isBlank()) {
            x.text("prefix", parts[3].strip());
        }
        for (int i = 1; i <= 2 && i < parts.length; i++) {
            if (!parts[i].isBlank()) {
                x.text("given", parts[i].strip());
            }
        }
        x.text("family", parts[0].strip());
        if (parts.length > 4 && !parts[4].isBlank()) {
            x.text("suffix", parts[4].strip());
        }
        x.close();
    }

    /**
     * The study's DICOM date and time as a TS: {@code YYYYMMDD[HH[MM[SS]]]} to the precision the time gives, without
     * the fraction (DA and TM read as PS3.5 6.2 asks, {@link DicomTime}); empty without a date.
     */
    static Optional<String> studyTime(String date, String time) {
        return DicomTime.parseDate(date).map(day -> DicomTime.date(day) + DicomTime.parseTime(time)
                .map(t -> DicomTime.time(t.time()).substring(0, switch (t.precision()) {
                    case HOURS -> 2;
                    case MINUTES -> 4;
                    default -> 6;
                })).orElse(""));
    }

    static String ts(ZonedDateTime time) {
        return TS.format(time);
    }
}
