// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The Store Instances Response Module of a STOW-RS answer (PS3.18 Annex I), as Orthanc and others write it. */
class StowResponseTest {

    @Test
    void readsStoredAndFailedInstancesWithTheirFailureReason() throws Exception {
        String json = """
                {"00081190": {"vr": "UR", "Value": ["http://pacs/dicom-web/studies/1.2.3"]},
                 "00081198": {"vr": "SQ", "Value": [
                   {"00081150": {"vr": "UI", "Value": ["1.2.840.10008.5.1.4.1.1.2"]},
                    "00081155": {"vr": "UI", "Value": ["1.2.3.1.2"]},
                    "00081197": {"vr": "US", "Value": [49442]}}]},
                 "00081199": {"vr": "SQ", "Value": [
                   {"00081150": {"vr": "UI", "Value": ["1.2.840.10008.5.1.4.1.1.2"]},
                    "00081155": {"vr": "UI", "Value": ["1.2.3.1.1"]},
                    "00081190": {"vr": "UR", "Value": ["http://pacs/dicom-web/studies/1.2.3/series/1.2.3.1"]}}]}}
                """;

        StowResponse response = StowResponse.parse(json.getBytes(StandardCharsets.UTF_8));

        assertThat(response.stored()).containsExactly("1.2.3.1.1");
        assertThat(response.failed()).containsEntry("1.2.3.1.2", 0xC122);
        assertThat(StowResponse.hex(0xC122)).isEqualTo("FailureReason 0xC122");
        assertThat(StowResponse.meaning(0xC122)).isEqualTo("Referenced Transfer Syntax not supported");
        assertThat(StowResponse.meaning(0xA700)).isEqualTo("Refused: Out of Resources");
    }

    @Test
    void anEmptyFailedSopSequenceAsOrthancSendsItNamesNoFailure() throws Exception {
        String json = """
                {"00081198": {"vr": "SQ"},
                 "00081199": {"vr": "SQ", "Value": [{"00081155": {"vr": "UI", "Value": ["1.2.3.1.1"]}}]}}
                """;

        StowResponse response = StowResponse.parse(json.getBytes(StandardCharsets.UTF_8));

        assertThat(response.failed()).isEmpty();
        assertThat(response.stored()).containsExactly("1.2.3.1.1");
    }

    @Test
    void aBodyThatIsNotDicomJsonIsRefused() {
        assertThatThrownBy(() -> StowResponse.parse("<html>gateway</html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
    }
}
