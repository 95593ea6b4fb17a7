// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.VR;
import net.imagingexchange.dicom.io.DicomParseException;
import net.imagingexchange.dicom.io.TransferSyntax;
import net.imagingexchange.imagingsource.testing.SyntheticStudy;

/** What a STOW-RS part says of itself before it is stored: read from its first bytes, then given back whole. */
class PartLookAheadTest {

    @TempDir
    Path dir;

    final SyntheticStudy study = SyntheticStudy.of("1.2.250.1.999.78.1", 1, 1);

    /** dcmconv's options: implicit VR little endian, explicit big endian, deflated explicit little endian. */
    @ParameterizedTest
    @ValueSource(strings = {"+te", "+ti", "+tb", "+td"})
    void findsTheStudyInstanceUidOfAFileDcmtkWroteAndGivesThePartBackWhole(String syntax) throws Exception {
        Path written = study.write(dir).get(0);
        Path converted = dir.resolve("converted.dcm");
        Process dcmconv = new ProcessBuilder("dcmconv", syntax, written.toString(), converted.toString())
                .redirectErrorStream(true).start();
        String output = new String(dcmconv.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(dcmconv.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(dcmconv.exitValue()).as(output).isZero();
        byte[] part = Files.readAllBytes(converted);

        var lookAhead = new PartLookAhead(new ByteArrayInputStream(part));
        var meta = lookAhead.fileMeta();
        String studyUid = lookAhead.studyInstanceUid(TransferSyntax.of(meta.getString(Tag.TRANSFER_SYNTAX_UID)));

        assertThat(meta.getString(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID)).isEqualTo(study.instanceUid(1, 1));
        assertThat(studyUid).isEqualTo(study.studyInstanceUid());
        assertThat(lookAhead.rewound().readAllBytes()).isEqualTo(part);
    }

    @Test
    void findsNoStudyInstanceUidInADataSetWithoutOne() throws Exception {
        var dataset = study.dataset(1, 1);
        dataset.remove(Tag.STUDY_INSTANCE_UID);

        var lookAhead = new PartLookAhead(new ByteArrayInputStream(TestInstances.part10(dataset)));

        assertThat(lookAhead.studyInstanceUid(TransferSyntax.of(lookAhead.fileMeta()
                .getString(Tag.TRANSFER_SYNTAX_UID)))).isNull();
    }

    @Test
    void looksNoFurtherThanItsWindow() throws Exception {
        var dataset = study.dataset(1, 1);
        dataset.setBytes(Tag.of(0x0009, 0x0010), VR.LO, "BIG ".getBytes(StandardCharsets.US_ASCII));
        dataset.setBytes(Tag.of(0x0009, 0x1001), VR.OB, new byte[PartLookAhead.WINDOW + 1024]);

        var lookAhead = new PartLookAhead(new ByteArrayInputStream(TestInstances.part10(dataset)));
        var syntax = TransferSyntax.of(lookAhead.fileMeta().getString(Tag.TRANSFER_SYNTAX_UID));

        assertThatThrownBy(() -> lookAhead.studyInstanceUid(syntax)).isInstanceOf(DicomParseException.class)
                .hasMessageStartingWith("no Study Instance UID within the first 4096 KiB");
    }

    @Test
    void refusesWhatIsNotAPart10File() {
        var lookAhead = new PartLookAhead(new ByteArrayInputStream(new byte[300]));

        assertThatThrownBy(lookAhead::fileMeta).isInstanceOf(IOException.class).hasMessageContaining("DICM");
    }
}
