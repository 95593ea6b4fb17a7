// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.manifest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a study's KOS manifest says (spec/xdsi.md 2): the patient and study it is about, and per series where its
 * instances are retrieved from. Text values are as the manifest encodes them (PN as {@code Family^Given}).
 *
 * @param manifestUid the manifest's SOP Instance UID (its DocumentEntry.uniqueId).
 */
public record StudyManifest(String manifestUid, Patient patient, Study study, List<SeriesReference> series) {

    public StudyManifest {
        series = List.copyOf(series);
    }

    /** Patient Module of the manifest: the patient as the acquiring site knows them. */
    public record Patient(String name, String id, String issuer, String birthDate, String sex) {
    }

    /** General Study Module of the manifest. */
    public record Study(String studyInstanceUid, String date, String time, String accessionNumber, String studyId,
                        String description, String referringPhysicianName) {
    }

    /**
     * One item of the Referenced Series Sequence of (0040,A375) with its retrieve attributes (RAD TF-3 4.68.4.1.2.2).
     *
     * @param retrieveUrl the WADO-RS Retrieve URL (0008,1190), empty when the source offers none.
     */
    public record SeriesReference(String seriesInstanceUid, String retrieveAeTitle, String retrieveLocationUid,
                                  String retrieveUrl, List<InstanceReference> instances) {

        public SeriesReference {
            instances = List.copyOf(instances);
        }

        /**
         * The WADO-RS service base of the Retrieve URL, which some archives write as the study's or the series'
         * resource rather than as the base (spec/xdsi.md 4.2, open point 3); empty when the manifest gives none.
         */
        public String wadoRsBase() {
            String url = retrieveUrl.strip();
            int end = url.length();
            while (end > 0 && url.charAt(end - 1) == '/') {
                end--;
            }
            url = url.substring(0, end);
            int studies = url.lastIndexOf("/studies/");
            return studies < 0 ? url : url.substring(0, studies);
        }

        /** {@code <base>/studies/S/series/R}, with {@code /instances/I} when {@code sopInstanceUid} is not null. */
        public String wadoRsUrl(String studyInstanceUid, String sopInstanceUid) {
            String series = wadoRsBase() + "/studies/" + studyInstanceUid + "/series/" + seriesInstanceUid;
            return sopInstanceUid == null ? series : series + "/instances/" + sopInstanceUid;
        }
    }

    /** A Referenced SOP Sequence item. */
    public record InstanceReference(String sopClassUid, String sopInstanceUid) {
    }

    public int instanceCount() {
        return series.stream().mapToInt(s -> s.instances().size()).sum();
    }

    public Optional<SeriesReference> series(String seriesInstanceUid) {
        return series.stream().filter(s -> s.seriesInstanceUid().equals(seriesInstanceUid)).findFirst();
    }

    /** The series of every instance the manifest lists, by SOP Instance UID: for many lookups. */
    public Map<String, SeriesReference> seriesByInstance() {
        Map<String, SeriesReference> bySop = new HashMap<>();
        series.forEach(s -> s.instances().forEach(i -> bySop.putIfAbsent(i.sopInstanceUid(), s)));
        return bySop;
    }

    /** The series that holds {@code sopInstanceUid}, if the manifest lists it. */
    public Optional<SeriesReference> seriesOf(String sopInstanceUid) {
        return series.stream().filter(s -> s.instances().stream()
                .anyMatch(i -> i.sopInstanceUid().equals(sopInstanceUid))).findFirst();
    }
}
