// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.data.Attributes;
import net.imagingexchange.dicom.io.DicomReader;
import net.imagingexchange.dicom.testing.Dcmtk;
import net.imagingexchange.dicom.testing.Part10;
import net.imagingexchange.imagingsource.testing.ExchangeTest;
import net.imagingexchange.imagingsource.testing.OrthancPeer;
import net.imagingexchange.imagingsource.testing.RegionClients;
import net.imagingexchange.imagingsource.testing.Studies;
import net.imagingexchange.imagingsource.testing.SyntheticStudy;

/**
 * A hospital PACS (dcmtk's storescu) sends studies to the imaging source, which publishes their manifests to the
 * region's repository and registry (RAD-68), where a reading site finds them (ITI-18) and fetches them (ITI-43).
 */
class PublicationEndToEndTest extends ExchangeTest {

    private static final String REPOSITORY = "1.3.6.1.4.1.21367.2005.13.20.1000.3.1";
    private static final Duration LIMIT = Duration.ofSeconds(90);

    private void storescu(Path directory) throws Exception {
        Dcmtk.run("storescu", "-aet", "PERONNE_PACS", "-aec", "XDSI_SOURCE", "+sd", "127.0.0.1",
                Integer.toString(scp.port()), directory.toString());
    }

    @Test
    void aStudySentByStorescuIsPublishedAndItsManifestListsExactlyItsInstances() throws Exception {
        var study = new SyntheticStudy("1.2.250.1.999.61.1", "PER-61", "PERONNE", "IDR61",
                SyntheticStudy.AFFINITY_DOMAIN, "ACC61", 2, 100, 64);
        // storescu sends each data set as dcmtk encodes it (sequences of explicit length): so are the files sent
        for (Path file : study.write(dir.resolve("written"))) {
            Files.createDirectories(dir.resolve("sent"));
            Dcmtk.run("dcmconv", "+te", file.toString(), dir.resolve("sent").resolve(file.getFileName()).toString());
        }

        storescu(dir.resolve("sent"));

        var status = new Studies(base()).awaitStatus(study.studyInstanceUid(), Studies.published(), LIMIT);
        assertThat(status.path("instances").asInt()).isEqualTo(200);
        assertThat(status.path("regionalPatientId").asText()).isEqualTo(study.regionalCx());
        var region = new RegionClients(base());
        List<DocumentEntry> byStudy = region.findByReferenceId(study.regionalCx(),
                List.of(AvailabilityStatus.APPROVED),
                study.studyInstanceUid() + "^^^^urn:ihe:iti:xds:2016:studyInstanceUID");
        List<DocumentEntry> byAccession = region.findByReferenceId(study.regionalCx(),
                List.of(AvailabilityStatus.APPROVED), "ACC61^^^^urn:ihe:iti:xds:2013:accession");
        assertThat(byStudy).hasSize(1);
        assertThat(byAccession).extracting(DocumentEntry::getEntryUuid)
                .containsExactly(byStudy.get(0).getEntryUuid());
        DocumentEntry entry = byStudy.get(0);
        assertThat(entry.getMimeType()).isEqualTo("application/dicom");
        assertThat(entry.getFormatCode().getCode()).isEqualTo("1.2.840.10008.5.1.4.1.1.88.59");
        assertThat(entry.getUniqueId()).isEqualTo(status.path("manifestUid").asText());

        Path kos = region.retrieve(REPOSITORY, entry.getUniqueId(), dir.resolve("kos.dcm"));

        String dciodvfy = Dcmtk.runTool("dciodvfy", kos.toString());
        assertThat(dciodvfy.lines().filter(line -> line.startsWith("Error"))).isEmpty();
        assertThat(referencedInstances(kos)).containsExactlyInAnyOrderElementsOf(sentInstances(study));

        // the reading site retrieves what the manifest lists, by RAD-69 and by WADO-RS at its Retrieve URL
        assertThat(RegionClients.retrieveImages(base() + "/imaging-source/rad69", kos, dir.resolve("rad69")))
                .isEmpty();
        Path wado = RegionClients.wadoRs(retrieveUrl(kos) + "/studies/" + study.studyInstanceUid(),
                dir.resolve("wado-rs"));
        for (String uid : sentInstances(study)) {
            byte[] sent = Part10.dataset(dir.resolve("sent").resolve(uid + ".dcm"));
            assertThat(Part10.dataset(dir.resolve("rad69").resolve(uid + ".dcm"))).as("RAD-69 " + uid).isEqualTo(sent);
            assertThat(Part10.dataset(wado.resolve(uid + ".dcm"))).as("WADO-RS " + uid).isEqualTo(sent);
        }
        try (var listing = Files.list(wado)) {
            assertThat(listing.count()).isEqualTo(200);
        }
    }

    /** The WADO-RS Retrieve URL of the manifest's first series. */
    private static String retrieveUrl(Path kos) throws Exception {
        Attributes dataset = DicomReader.read(kos, DicomReader.Options.DEFAULT).dataset();
        return dataset.getSequence(Tag.CURRENT_REQUESTED_PROCEDURE_EVIDENCE_SEQUENCE).items().get(0)
                .getSequence(Tag.REFERENCED_SERIES_SEQUENCE).items().get(0).getString(Tag.RETRIEVE_URL);
    }

    @Test
    void aLaterSeriesReplacesTheManifestAndTheOldOneIsDeprecated() throws Exception {
        var study = new SyntheticStudy("1.2.250.1.999.61.2", "PER-62", "PERONNE", "IDR62",
                SyntheticStudy.AFFINITY_DOMAIN, "ACC62", 2, 3, 32);
        Path sent = dir.resolve("sent");
        study.write(sent);
        Path later = Files.createDirectories(dir.resolve("later"));
        for (int i = 1; i <= 3; i++) {
            Files.move(sent.resolve(study.instanceUid(2, i) + ".dcm"), later.resolve(study.instanceUid(2, i) + ".dcm"));
        }
        var studies = new Studies(base());
        storescu(sent);
        String first = studies.awaitStatus(study.studyInstanceUid(), Studies.published(), LIMIT)
                .path("manifestUid").asText();

        storescu(later);

        var replaced = studies.awaitStatus(study.studyInstanceUid(),
                s -> Studies.published().test(s) && !s.path("manifestUid").asText().equals(first), LIMIT);
        assertThat(replaced.path("instances").asInt()).isEqualTo(6);
        var region = new RegionClients(base());
        String byStudy = study.studyInstanceUid() + "^^^^urn:ihe:iti:xds:2016:studyInstanceUID";
        assertThat(region.findByReferenceId(study.regionalCx(), List.of(AvailabilityStatus.APPROVED), byStudy))
                .extracting(DocumentEntry::getUniqueId).containsExactly(replaced.path("manifestUid").asText());
        assertThat(region.findByReferenceId(study.regionalCx(), List.of(AvailabilityStatus.DEPRECATED), byStudy))
                .extracting(DocumentEntry::getUniqueId).containsExactly(first);
        Path kos = region.retrieve(REPOSITORY, replaced.path("manifestUid").asText(), dir.resolve("kos.dcm"));
        assertThat(referencedInstances(kos)).hasSize(6).contains(study.instanceUid(2, 3));
    }

    @Test
    void aStudyWhosePatientHasNoRegionalIdIsHeldWithItsReasonAndNotPublished() throws Exception {
        var study = new SyntheticStudy("1.2.250.1.999.61.3", "PER-63", "PERONNE", "", "", "ACC63", 1, 2, 32);
        study.write(dir.resolve("sent"));
        var studies = new Studies(base());

        storescu(dir.resolve("sent"));

        var held = studies.awaitStatus(study.studyInstanceUid(), Studies.inState("HELD"), LIMIT);
        assertThat(held.path("reason").asText()).contains("no regional patient ID for PER-63 (PERONNE)");
        var publish = studies.post("/imaging-source/api/studies/" + study.studyInstanceUid() + "/publish");
        assertThat(publish.statusCode()).isEqualTo(409);
        assertThat(publish.body()).contains("\"state\":\"HELD\"");
        assertThat(studies.get("/imaging-source/api/studies/1.2.3.4.5").statusCode()).isEqualTo(404);
    }

    @Test
    void storescuIsToldWhyAnInstanceOfAnotherPatientIsRefused() throws Exception {
        var study = new SyntheticStudy("1.2.250.1.999.61.4", "PER-64", "PERONNE", "IDR64",
                SyntheticStudy.AFFINITY_DOMAIN, "ACC64", 1, 1, 32);
        storescu(study.write(dir.resolve("sent")).get(0).getParent());
        var intruder = new SyntheticStudy("1.2.250.1.999.61.4", "OTHER-64", "PERONNE", "IDR64",
                SyntheticStudy.AFFINITY_DOMAIN, "ACC64", 1, 2, 32);
        List<Path> intruderFiles = intruder.write(dir.resolve("other"));
        Path other = intruderFiles.get(1);

        assertThatThrownBy(() -> Dcmtk.run("storescu", "-d", "-aec", "XDSI_SOURCE", "127.0.0.1",
                Integer.toString(scp.port()), other.toString()))
                .hasMessageContaining("0xc000")
                .hasMessageContaining("patient OTHER-64 (PERONNE) is not PER-64 (PERONNE) of study");
    }

    @Test
    void orthancAsTheHospitalPacsPublishesOneStudyByCStoreAndAnotherByItsStowClient() throws Exception {
        var byCStore = new SyntheticStudy("1.2.250.1.999.61.5", "PER-65", "PERONNE", "IDR65",
                SyntheticStudy.AFFINITY_DOMAIN, "ACC65", 1, 3, 32);
        var byStow = new SyntheticStudy("1.2.250.1.999.61.6", "PER-66", "PERONNE", "IDR66",
                SyntheticStudy.AFFINITY_DOMAIN, "ACC66", 2, 2, 32);
        try (var pacs = OrthancPeer.start(dir.resolve("orthanc"),
                Map.of("source", base() + "/imaging-source/dicomweb"),
                Map.of("source", new OrthancPeer.Modality("XDSI_SOURCE", "127.0.0.1", scp.port())), true)) {
            String cStoreStudy = upload(pacs, byCStore.write(dir.resolve("c-store")));
            String stowStudy = upload(pacs, byStow.write(dir.resolve("stow")));

            var stored = pacs.post("/modalities/source/store", Map.of("Resources", List.of(cStoreStudy)));
            var stowed = pacs.post("/dicom-web/servers/source/stow", Map.of("Resources", List.of(stowStudy)));

            assertThat(stored.statusCode()).as(stored.body() + "\n" + pacs.logTail()).isEqualTo(200);
            assertThat(stowed.statusCode()).as(stowed.body() + "\n" + pacs.logTail()).isEqualTo(200);
        }
        var studies = new Studies(base());
        assertThat(studies.awaitStatus(byCStore.studyInstanceUid(), Studies.published(), LIMIT)
                .path("instances").asInt()).isEqualTo(3);
        assertThat(studies.awaitStatus(byStow.studyInstanceUid(), Studies.published(), LIMIT)
                .path("instances").asInt()).isEqualTo(4);
    }

    /** Uploads files into Orthanc; returns the Orthanc ID of their study. */
    private static String upload(OrthancPeer pacs, List<Path> files) throws Exception {
        String study = null;
        for (Path file : files) {
            var answer = pacs.post("/instances", "application/dicom", Files.readAllBytes(file));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            study = new ObjectMapper().readTree(answer.body()).path("ParentStudy").asText();
        }
        return study;
    }

    private static List<String> sentInstances(SyntheticStudy study) {
        var uids = new ArrayList<String>();
        for (int s = 1; s <= study.series(); s++) {
            for (int i = 1; i <= study.instancesPerSeries(); i++) {
                uids.add(study.instanceUid(s, i));
            }
        }
        return uids;
    }

    /** Every Referenced SOP Instance UID of the KOS's Current Requested Procedure Evidence Sequence. */
    static List<String> referencedInstances(Path kos) throws Exception {
        Attributes dataset = DicomReader.read(kos, DicomReader.Options.DEFAULT).dataset();
        var uids = new ArrayList<String>();
        for (Attributes studyItem : dataset.getSequence(Tag.CURRENT_REQUESTED_PROCEDURE_EVIDENCE_SEQUENCE).items()) {
            for (Attributes series : studyItem.getSequence(Tag.REFERENCED_SERIES_SEQUENCE).items()) {
                for (Attributes sop : series.getSequence(Tag.REFERENCED_SOP_SEQUENCE).items()) {
                    uids.add(sop.getString(Tag.REFERENCED_SOP_INSTANCE_UID));
                }
            }
        }
        return uids;
    }
}
