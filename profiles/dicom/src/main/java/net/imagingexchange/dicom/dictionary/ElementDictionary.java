// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.dictionary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.VR;

/**
 * The registry of DICOM data elements (PS3.6 Section 6) and the rules PS3.5 adds for tags it does not list. A tag is
 * looked up in this order:
 * <ol>
 * <li>the PS3.6 row for exactly that tag (binary search over a sorted {@code int[]}, no boxing);</li>
 * <li>(gggg,0000) group length: UL in every group (PS3.5 7.2), reported as retired except in group 0000;</li>
 * <li>odd groups are private (PS3.5 7.8.1): (gggg,0010-00FF) private creator is LO, VM 1; other private tags are
 *     unknown, as are the groups 0001, 0003, 0005, 0007 and FFFF that PS3.5 7.8 does not allow;</li>
 * <li>the PS3.6 rows with repeating groups or elements, such as (60xx,3000) (PS3.5 7.6), by mask.</li>
 * </ol>
 * Command elements (0000,eeee) are defined by PS3.7 and are not in this dictionary.
 */
public final class ElementDictionary {

    private static final int EXACT = 0xFFFFFFFF;

    private final int[] tags;
    private final DictionaryEntry[] entries;
    private final VR[] vrs;
    private final int[] maskedTags;
    private final int[] masks;
    private final DictionaryEntry[] maskedEntries;
    private final VR[] maskedVrs;
    private final Map<String, Integer> byKeyword;

    /** The dictionary of the PS3.6 edition in {@code elements.tsv}, loaded once. */
    public static ElementDictionary standard() {
        return Standard.INSTANCE;
    }

    private static final class Standard {
        static final ElementDictionary INSTANCE = new ElementDictionary(ElementsTsv.readResource());
    }

    ElementDictionary(Collection<DictionaryEntry> rows) {
        List<DictionaryEntry> exact = new ArrayList<>(rows.size());
        List<DictionaryEntry> masked = new ArrayList<>();
        byKeyword = new HashMap<>(rows.size() * 2);
        for (DictionaryEntry e : rows) {
            (e.repeating() ? masked : exact).add(e);
            if (!e.keyword().isEmpty() && byKeyword.putIfAbsent(e.keyword(), e.tag()) != null) {
                throw new IllegalArgumentException("keyword " + e.keyword() + " occurs twice");
            }
        }
        // Signed order, the order Arrays.binarySearch expects ((FFFE,E000) is negative as an int).
        Comparator<DictionaryEntry> byTag = Comparator.comparingInt(DictionaryEntry::tag);
        exact.sort(byTag);
        masked.sort(byTag);
        entries = exact.toArray(DictionaryEntry[]::new);
        tags = new int[entries.length];
        vrs = new VR[entries.length];
        for (int i = 0; i < entries.length; i++) {
            tags[i] = entries[i].tag();
            vrs[i] = entries[i].vr();
            if (i > 0 && tags[i] == tags[i - 1]) {
                throw new IllegalArgumentException(Tag.toString(tags[i]) + " occurs twice");
            }
        }
        maskedEntries = masked.toArray(DictionaryEntry[]::new);
        maskedTags = new int[maskedEntries.length];
        masks = new int[maskedEntries.length];
        maskedVrs = new VR[maskedEntries.length];
        for (int i = 0; i < maskedEntries.length; i++) {
            maskedTags[i] = maskedEntries[i].tag();
            masks[i] = maskedEntries[i].mask();
            maskedVrs[i] = maskedEntries[i].vr();
        }
    }

    /** The entry describing {@code tag}, by the rules in the class comment; empty when the tag is unknown. */
    public Optional<DictionaryEntry> entry(int tag) {
        int i = Arrays.binarySearch(tags, tag);
        if (i >= 0) {
            return Optional.of(entries[i]);
        }
        if (Tag.element(tag) == 0) {
            return Optional.of(new DictionaryEntry(tag, EXACT, List.of(VR.UL), "1", "", Tag.group(tag) != 0));
        }
        if (Tag.isPrivate(tag)) {
            return isPrivateCreator(tag)
                    ? Optional.of(new DictionaryEntry(tag, EXACT, List.of(VR.LO), "1", "", false))
                    : Optional.empty();
        }
        int m = masked(tag);
        return m >= 0 ? Optional.of(maskedEntries[m]) : Optional.empty();
    }

    /**
     * The VR to assume for {@code tag} when the encoding does not say ({@link DictionaryEntry#vr()}); {@link VR#UN}
     * when the tag is unknown or has no VR. Allocates nothing.
     */
    public VR vrOf(int tag) {
        int i = Arrays.binarySearch(tags, tag);
        if (i >= 0) {
            return vrs[i];
        }
        if (Tag.element(tag) == 0) {
            return VR.UL;
        }
        if (Tag.isPrivate(tag)) {
            return isPrivateCreator(tag) ? VR.LO : VR.UN;
        }
        int m = masked(tag);
        return m >= 0 ? maskedVrs[m] : VR.UN;
    }

    /**
     * The tag of a PS3.6 keyword. For repeating rows this is the tag with its {@code x} digits as 0, e.g.
     * {@code OverlayData} is (6000,3000).
     */
    public OptionalInt tagOf(String keyword) {
        Integer tag = byKeyword.get(keyword);
        return tag == null ? OptionalInt.empty() : OptionalInt.of(tag);
    }

    /** The PS3.6 keyword of {@code tag}; empty for unknown tags and for those PS3.6 names no keyword for. */
    public Optional<String> keywordOf(int tag) {
        return entry(tag).map(DictionaryEntry::keyword).filter(k -> !k.isEmpty());
    }

    /** The number of PS3.6 rows, repeating ones counted once. */
    public int size() {
        return entries.length + maskedEntries.length;
    }

    private int masked(int tag) {
        for (int i = 0; i < masks.length; i++) {
            if ((tag & masks[i]) == maskedTags[i]) {
                return i;
            }
        }
        return -1;
    }

    /** (gggg,0010-00FF) in an odd group that PS3.5 7.8 allows for private elements. */
    private static boolean isPrivateCreator(int tag) {
        int group = Tag.group(tag);
        int element = Tag.element(tag);
        return group > 0x0008 && group != 0xFFFF && element >= 0x0010 && element <= 0x00FF;
    }
}
