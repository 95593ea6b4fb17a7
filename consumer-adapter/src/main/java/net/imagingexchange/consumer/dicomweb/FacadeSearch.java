// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.dicomweb;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.openehealth.ipf.commons.ihe.xds.core.metadata.ReferenceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import net.imagingexchange.consumer.RegionalPatients;
import net.imagingexchange.consumer.manifest.StudyManifest;
import net.imagingexchange.consumer.region.RegionStudy;
import net.imagingexchange.consumer.region.RegistryQueries;
import net.imagingexchange.consumer.region.StudyCatalogue;
import net.imagingexchange.dicom.data.Attributes;
import net.imagingexchange.dicom.web.DicomJsonWriter;

/**
 * QIDO-RS (PS3.18 10.6) over the region: studies are found by the registry (ITI-18 FindDocuments for the regional
 * patient, FindDocumentsByReferenceId when a Study Instance UID or Accession Number narrows it) and described by
 * their manifests (ITI-43); series and instances are those the manifests list. The registry finds documents by
 * patient only (ITI TF-2 3.18.4.1.2.3.7.1, .14), so a study search names the patient, or studies found before.
 */
@RestController
@RequestMapping(FacadeUrls.SERVICE_PATH)
public class FacadeSearch {

    private static final Logger LOG = LoggerFactory.getLogger(FacadeSearch.class);
    private static final String ISSUER_OF_ACCESSION = "IssuerOfAccessionNumberSequence.UniversalEntityID";

    private final StudyCatalogue catalogue;
    private final RegionalPatients patients;
    private final String baseUrl;
    private final int maxResults;

    public FacadeSearch(StudyCatalogue catalogue, RegionalPatients patients, String baseUrl, int maxResults) {
        this.catalogue = catalogue;
        this.patients = patients;
        this.baseUrl = baseUrl;
        this.maxResults = maxResults;
    }

    @GetMapping("/studies")
    public void studies(@RequestParam MultiValueMap<String, String> query, HttpServletRequest request,
                        HttpServletResponse response) throws IOException, StudyCatalogue.RegionException {
        var keys = QueryKeys.of(query);
        List<String> studyUids = keys.list("StudyInstanceUID", "0020000D");
        Optional<String> accession = keys.single("AccessionNumber", "00080050");
        Optional<String> patientId = keys.single("PatientID", "00100020");
        Optional<DateRange> studyDate = keys.single("StudyDate", "00080020").flatMap(DateRange::parse); // 400 first
        // PS3.4 C.6.1.1.3: a study with a series of any of the values
        List<String> modalities = keys.list("ModalitiesInStudy", "00080061").stream()
                .flatMap(m -> Arrays.stream(m.split("\\\\"))).map(String::strip).filter(m -> !m.isEmpty())
                .toList();
        List<RegionStudy> found;
        if (patientId.isPresent()) {
            String cx = patients.cx(patientId.get(), keys.single("IssuerOfPatientID", "00100021").orElse(null))
                    .orElseThrow(() -> new FacadeException(HttpStatus.BAD_REQUEST, "PatientID " + patientId.get()
                            + " is not an ID of the affinity domain " + patients.assigningAuthority()
                            + " (give the regional ID, with IssuerOfPatientID " + patients.assigningAuthority()
                            + " or none)"));
            found = find(cx, studyUids, accession, keys.single(ISSUER_OF_ACCESSION, "00080051.00400032"));
        } else if (!studyUids.isEmpty()) {
            found = new ArrayList<>();
            for (String uid : studyUids) {
                catalogue.study(uid).ifPresent(found::add);
            }
        } else {
            throw new FacadeException(HttpStatus.BAD_REQUEST, "a search of the region needs PatientID (the regional "
                    + "patient ID), optionally narrowed by StudyInstanceUID or AccessionNumber; without PatientID only "
                    + "StudyInstanceUID of studies found before: the registry finds documents by patient (ITI TF-2 "
                    + "3.18.4.1.2.3.7.1, 3.18.4.1.2.3.7.14)");
        }
        Stream<RegionStudy> matching = found.stream()
                .filter(s -> studyUids.isEmpty() || studyUids.contains(s.studyInstanceUid()))
                .filter(s -> accession.isEmpty() || accession.get().equals(s.manifest().study().accessionNumber()))
                .filter(s -> modalities.isEmpty() || modalities.stream().anyMatch(s.modalities()::contains))
                .filter(s -> studyDate.map(range -> range.contains(s.manifest().study().date())).orElse(true));
        var urls = FacadeUrls.of(baseUrl, request);
        write(page(matching, keys).map(s -> SearchAttributes.study(s,
                SearchAttributes.RegionalId.of(s.patientCx()), urls)).toList(), response);
        LOG.info("consumer QIDO-RS studies found={}", found.size());
    }

    /**
     * ITI-18 for the patient: FindDocumentsByReferenceId with the Study Instance UIDs and the accession number (as
     * CXi without issuer, and with the one given); when an accession number finds nothing that way, FindDocuments,
     * whose manifests are then matched by Accession Number, since a source may have written its issuer.
     */
    private List<RegionStudy> find(String patientCx, List<String> studyUids, Optional<String> accession,
                                   Optional<String> accessionIssuer) throws StudyCatalogue.RegionException {
        var references = new LinkedHashSet<String>();
        studyUids.forEach(uid -> references.add(RegistryQueries.studyReference(uid)));
        accession.ifPresent(number -> {
            references.add(number + "^^^^" + ReferenceId.ID_TYPE_CODE_ACCESSION);
            accessionIssuer.ifPresent(oid -> references.add(number + "^^^&" + oid + "&ISO^"
                    + ReferenceId.ID_TYPE_CODE_ACCESSION));
        });
        List<RegionStudy> found = catalogue.find(patientCx, List.copyOf(references));
        if (found.isEmpty() && accession.isPresent() && studyUids.isEmpty()) {
            found = catalogue.find(patientCx, List.of());
        }
        return found;
    }

    @GetMapping("/studies/{study}/series")
    public void series(@PathVariable String study, @RequestParam MultiValueMap<String, String> query,
                       HttpServletRequest request, HttpServletResponse response)
            throws IOException, StudyCatalogue.RegionException {
        RegionStudy found = known(study);
        var keys = QueryKeys.of(query);
        var urls = FacadeUrls.of(baseUrl, request);
        Optional<String> modality = keys.single("Modality", "00080060");
        Optional<String> seriesUid = keys.single("SeriesInstanceUID", "0020000E");
        write(page(found.manifest().series().stream()
                .filter(s -> seriesUid.map(s.seriesInstanceUid()::equals).orElse(true))
                .filter(s -> modality.map(SearchAttributes.modality(found, s)::equals).orElse(true)), keys)
                .map(s -> SearchAttributes.series(found, s, urls)).toList(), response);
    }

    @GetMapping({"/studies/{study}/series/{series}/instances", "/studies/{study}/instances"})
    public void instances(@PathVariable String study, @PathVariable(required = false) String series,
                          @RequestParam MultiValueMap<String, String> query, HttpServletRequest request,
                          HttpServletResponse response) throws IOException, StudyCatalogue.RegionException {
        RegionStudy found = known(study);
        var keys = QueryKeys.of(query);
        var urls = FacadeUrls.of(baseUrl, request);
        Optional<String> sop = keys.single("SOPInstanceUID", "00080018");
        Optional<String> sopClass = keys.single("SOPClassUID", "00080016");
        List<StudyManifest.SeriesReference> scope = series == null ? found.manifest().series()
                : List.of(found.manifest().series(series).orElseThrow(() -> new FacadeException(HttpStatus.NOT_FOUND,
                "the manifest of study " + study + " lists no series " + series)));
        record Listed(StudyManifest.SeriesReference series, StudyManifest.InstanceReference instance) {
        }
        write(page(scope.stream().flatMap(s -> s.instances().stream().map(i -> new Listed(s, i)))
                .filter(l -> sop.map(l.instance().sopInstanceUid()::equals).orElse(true))
                .filter(l -> sopClass.map(l.instance().sopClassUid()::equals).orElse(true)), keys)
                .map(l -> SearchAttributes.instance(found, l.series(), l.instance(), urls)).toList(), response);
    }

    private RegionStudy known(String study) throws StudyCatalogue.RegionException {
        return catalogue.study(study).orElseThrow(() -> new FacadeException(HttpStatus.NOT_FOUND, "study " + study
                + " has no manifest this site has found in the region: search for it first with PatientID"));
    }

    private <T> Stream<T> page(Stream<T> results, QueryKeys keys) {
        int offset = keys.number("offset", 0);
        int limit = Math.min(keys.number("limit", maxResults), maxResults);
        return results.skip(offset).limit(limit);
    }

    private static void write(List<Attributes> results, HttpServletResponse response) throws IOException {
        response.setContentType(UpstreamResources.DICOM_JSON);
        var json = new DicomJsonWriter(response.getOutputStream(), null);
        json.beginArray();
        for (Attributes result : results) {
            json.write(result);
        }
        json.endArray();
    }

    /** The query's match keys, named by keyword or by tag (PS3.18 8.3.4). */
    record QueryKeys(MultiValueMap<String, String> query) {

        static QueryKeys of(MultiValueMap<String, String> query) {
            return new QueryKeys(query);
        }

        Optional<String> single(String keyword, String tag) {
            return values(keyword, tag).stream().findFirst();
        }

        /** A key's values: repeated, or comma-separated (a UID list, PS3.18 8.3.4.1). */
        List<String> list(String keyword, String tag) {
            return values(keyword, tag).stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::strip)
                    .filter(v -> !v.isEmpty()).toList();
        }

        private List<String> values(String keyword, String tag) {
            List<String> values = new ArrayList<>();
            for (var key : List.of(keyword, tag)) {
                Optional.ofNullable(query.get(key)).ifPresent(values::addAll);
            }
            return values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
        }

        int number(String name, int absent) {
            String value = query.getFirst(name);
            if (value == null || value.isBlank()) {
                return absent;
            }
            try {
                int number = Integer.parseInt(value.strip());
                if (number < 0) {
                    throw new NumberFormatException();
                }
                return number;
            } catch (NumberFormatException e) {
                throw new FacadeException(HttpStatus.BAD_REQUEST, name + " must be a whole number >= 0, not "
                        + value);
            }
        }
    }

    /** A DA match value: a date or a range {@code [from]-[to]} (PS3.4 C.2.2.2.5); {@code *} matches every date. */
    record DateRange(String from, String to) {

        private static final Pattern RANGE = Pattern.compile("([0-9]{8})?(-)?([0-9]{8})?");

        /** Empty for Universal Matching. */
        static Optional<DateRange> parse(String value) {
            String v = value.strip();
            if (v.isEmpty() || v.equals("*")) {
                return Optional.empty();
            }
            Matcher m = RANGE.matcher(v);
            if (!m.matches() || m.group(1) == null && m.group(3) == null || m.group(2) == null && m.group(3) != null) {
                throw new FacadeException(HttpStatus.BAD_REQUEST, "StudyDate must be YYYYMMDD or a range of dates (PS3.4 "
                        + "C.2.2.2.5): YYYYMMDD-, -YYYYMMDD or YYYYMMDD-YYYYMMDD; not \"" + value + "\"");
            }
            String from = m.group(1) == null ? "" : checked(m.group(1));
            String to = m.group(2) == null ? from : m.group(3) == null ? "" : checked(m.group(3));
            if (!from.isEmpty() && !to.isEmpty() && from.compareTo(to) > 0) {
                throw new FacadeException(HttpStatus.BAD_REQUEST, "StudyDate range \"" + value + "\" ends before it "
                        + "starts");
            }
            return Optional.of(new DateRange(from, to));
        }

        private static String checked(String date) {
            try {
                LocalDate.parse(date, DateTimeFormatter.BASIC_ISO_DATE);
                return date;
            } catch (DateTimeParseException e) {
                throw new FacadeException(HttpStatus.BAD_REQUEST, "StudyDate: " + date + " is no calendar date");
            }
        }

        boolean contains(String date) {
            return !date.isEmpty() && (from.isEmpty() || date.compareTo(from) >= 0)
                    && (to.isEmpty() || date.compareTo(to) <= 0);
        }
    }
}
