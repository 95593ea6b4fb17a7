// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb.qido;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.VR;

/**
 * The attributes this source can search on and return: those its index holds (schema {@code V1__imaging_source}),
 * the counts and modalities derived from it, and the pixel description read from each instance's file header.
 * Matching follows PS3.4 C.2.2.2 by {@link Matching}; what a result carries without being asked follows PS3.18
 * Tables 10.6.3-3 (study), 10.6.3-4 (series) and 10.6.3-5 (instance), by {@link Presence}.
 * Specific Character Set, Instance Availability and Retrieve URL are written into every result and are not listed.
 */
public enum QidoAttribute {

    STUDY_DATE(Tag.STUDY_DATE, VR.DA, QueryLevel.STUDY, "st.study_date", Matching.DATE, Presence.DEFAULT),
    STUDY_TIME(Tag.STUDY_TIME, VR.TM, QueryLevel.STUDY, "st.study_time", Matching.TIME, Presence.DEFAULT),
    ACCESSION_NUMBER(Tag.ACCESSION_NUMBER, VR.SH, QueryLevel.STUDY, "st.accession_number", Matching.TEXT,
            Presence.DEFAULT),
    MODALITIES_IN_STUDY(Tag.MODALITIES_IN_STUDY, VR.CS, QueryLevel.STUDY, null, Matching.MODALITIES,
            Presence.DEFAULT),
    REFERRING_PHYSICIAN_NAME(Tag.REFERRING_PHYSICIAN_NAME, VR.PN, QueryLevel.STUDY, "st.referring_physician",
            Matching.PERSON_NAME, Presence.DEFAULT),
    /** The study's; Tables 10.6.3-3 to -5 return it at every level, when known. */
    TIMEZONE_OFFSET_FROM_UTC(Tag.TIMEZONE_OFFSET_FROM_UTC, VR.SH, QueryLevel.STUDY, "st.timezone_offset",
            Matching.NONE, Presence.IF_KNOWN),
    STUDY_DESCRIPTION(Tag.STUDY_DESCRIPTION, VR.LO, QueryLevel.STUDY, "st.study_description", Matching.TEXT,
            Presence.ON_REQUEST),
    PATIENT_NAME(Tag.PATIENT_NAME, VR.PN, QueryLevel.STUDY, "st.patient_name", Matching.PERSON_NAME,
            Presence.DEFAULT),
    PATIENT_ID(Tag.PATIENT_ID, VR.LO, QueryLevel.STUDY, "st.patient_id", Matching.TEXT, Presence.DEFAULT),
    ISSUER_OF_PATIENT_ID(Tag.ISSUER_OF_PATIENT_ID, VR.LO, QueryLevel.STUDY, "st.issuer_of_patient_id",
            Matching.TEXT, Presence.ON_REQUEST),
    PATIENT_BIRTH_DATE(Tag.PATIENT_BIRTH_DATE, VR.DA, QueryLevel.STUDY, "st.patient_birth_date", Matching.DATE,
            Presence.DEFAULT),
    PATIENT_SEX(Tag.PATIENT_SEX, VR.CS, QueryLevel.STUDY, "st.patient_sex", Matching.TEXT, Presence.DEFAULT),
    STUDY_INSTANCE_UID(Tag.STUDY_INSTANCE_UID, VR.UI, QueryLevel.STUDY, "st.study_uid", Matching.UID_LIST,
            Presence.DEFAULT),
    STUDY_ID(Tag.STUDY_ID, VR.SH, QueryLevel.STUDY, "st.study_id", Matching.TEXT, Presence.DEFAULT),
    NUMBER_OF_STUDY_RELATED_SERIES(Tag.NUMBER_OF_STUDY_RELATED_SERIES, VR.IS, QueryLevel.STUDY,
            "(SELECT COUNT(*) FROM series c WHERE c.study_uid = st.study_uid)", Matching.NONE, Presence.DEFAULT),
    NUMBER_OF_STUDY_RELATED_INSTANCES(Tag.NUMBER_OF_STUDY_RELATED_INSTANCES, VR.IS, QueryLevel.STUDY,
            "(SELECT COUNT(*) FROM instance c WHERE c.study_uid = st.study_uid)", Matching.NONE, Presence.DEFAULT),

    MODALITY(Tag.MODALITY, VR.CS, QueryLevel.SERIES, "se.modality", Matching.TEXT, Presence.DEFAULT),
    SERIES_INSTANCE_UID(Tag.SERIES_INSTANCE_UID, VR.UI, QueryLevel.SERIES, "se.series_uid", Matching.UID_LIST,
            Presence.DEFAULT),
    SERIES_NUMBER(Tag.SERIES_NUMBER, VR.IS, QueryLevel.SERIES, "se.series_number", Matching.INTEGER,
            Presence.DEFAULT),
    SERIES_DESCRIPTION(Tag.SERIES_DESCRIPTION, VR.LO, QueryLevel.SERIES, "se.series_description", Matching.TEXT,
            Presence.IF_KNOWN),
    BODY_PART_EXAMINED(Tag.BODY_PART_EXAMINED, VR.CS, QueryLevel.SERIES, "se.body_part_examined", Matching.TEXT,
            Presence.ON_REQUEST),
    NUMBER_OF_SERIES_RELATED_INSTANCES(Tag.NUMBER_OF_SERIES_RELATED_INSTANCES, VR.IS, QueryLevel.SERIES,
            "(SELECT COUNT(*) FROM instance c WHERE c.series_uid = se.series_uid)", Matching.NONE,
            Presence.DEFAULT),

    SOP_CLASS_UID(Tag.SOP_CLASS_UID, VR.UI, QueryLevel.INSTANCE, "i.sop_class_uid", Matching.UID_LIST,
            Presence.DEFAULT),
    SOP_INSTANCE_UID(Tag.SOP_INSTANCE_UID, VR.UI, QueryLevel.INSTANCE, "i.sop_instance_uid", Matching.UID_LIST,
            Presence.DEFAULT),
    INSTANCE_NUMBER(Tag.INSTANCE_NUMBER, VR.IS, QueryLevel.INSTANCE, "i.instance_number", Matching.INTEGER,
            Presence.DEFAULT),
    // the index keeps no pixel description: these four are read from the file's header (PixelDescription)
    NUMBER_OF_FRAMES(Tag.NUMBER_OF_FRAMES, VR.IS, QueryLevel.INSTANCE, null, Matching.NONE, Presence.IF_KNOWN),
    ROWS(Tag.ROWS, VR.US, QueryLevel.INSTANCE, null, Matching.NONE, Presence.DEFAULT),
    COLUMNS(Tag.COLUMNS, VR.US, QueryLevel.INSTANCE, null, Matching.NONE, Presence.DEFAULT),
    BITS_ALLOCATED(Tag.BITS_ALLOCATED, VR.US, QueryLevel.INSTANCE, null, Matching.NONE, Presence.DEFAULT);

    /** How a match key on the attribute selects results (PS3.4 C.2.2.2). */
    public enum Matching {
        /** Single Value or List of UID Matching (C.2.2.2.1, C.2.2.2.2), values separated by ',' or '\'. */
        UID_LIST,
        /** Single Value or Wild Card Matching (C.2.2.2.1, C.2.2.2.4), case-sensitive. */
        TEXT,
        /** As TEXT, but case-insensitive, as C.2.2.2.1 and C.2.2.2.4 have it for PN. */
        PERSON_NAME,
        /** Single Value or Range Matching of a DA (C.2.2.2.5). */
        DATE,
        /** Single Value or Range Matching of a TM (C.2.2.2.5). */
        TIME,
        /** Single Value Matching of an IS, compared as a number. */
        INTEGER,
        /** A study matches when one of its series' modalities matches one of the values (PS3.4 C.6.1.1.3). */
        MODALITIES,
        /** Not supported for matching: ignored, and returned as a return key (PS3.4 C.2.2.1.3). */
        NONE
    }

    /** Whether a result carries the attribute unasked (PS3.18 10.6.3.3). */
    public enum Presence {
        /** Always, empty when the value is unknown (Type 2 in the tables). */
        DEFAULT,
        /** Only when it has a value (Type C in the tables). */
        IF_KNOWN,
        /** Only when named by a match key or includefield, or with {@code includefield=all}. */
        ON_REQUEST
    }

    private static final Map<Integer, QidoAttribute> BY_TAG = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(QidoAttribute::tag, Function.identity()));

    private final int tag;
    private final VR vr;
    private final QueryLevel level;
    private final String column;
    private final Matching matching;
    private final Presence presence;

    QidoAttribute(int tag, VR vr, QueryLevel level, String column, Matching matching, Presence presence) {
        this.tag = tag;
        this.vr = vr;
        this.level = level;
        this.column = column;
        this.matching = matching;
        this.presence = presence;
    }

    /** The attribute of {@code tag}, if this source holds it. */
    public static Optional<QidoAttribute> of(int tag) {
        return Optional.ofNullable(BY_TAG.get(tag));
    }

    public int tag() {
        return tag;
    }

    public VR vr() {
        return vr;
    }

    public QueryLevel level() {
        return level;
    }

    /** The SQL expression of its value over the aliases {@code st}, {@code se}, {@code i}; null when not in SQL. */
    public String column() {
        return column;
    }

    public Matching matching() {
        return matching;
    }

    public Presence presence() {
        return presence;
    }
}
