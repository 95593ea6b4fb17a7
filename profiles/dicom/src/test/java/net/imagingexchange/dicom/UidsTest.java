// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/** PS3.5 9.1 UIDs and the stricter OIDs XDS asks for (ITI TF-3 4.2.3.1.7): the one check the services share. */
class UidsTest {

    @Test
    void aUidIsDigitsAndDotsOfAtMost64Characters() {
        assertThat(Uids.isUid("1.2.840.10008.5.1.4.1.1.2")).isTrue();
        assertThat(Uids.isUid("2.25.0")).isTrue();
        assertThat(Uids.isUid("1.2." + "3".repeat(60))).isTrue();
        assertThat(Uids.isUid("1.2." + "3".repeat(61))).as("65 characters").isFalse();
        for (String bad : new String[] {null, "", "1..2", "1.", ".1", "1.2.a", "1 .2", "1.2 "}) {
            assertThat(Uids.isUid(bad)).as("%s", bad).isFalse();
        }
    }

    @Test
    void anOidHasTwoArcsAtLeastNoLeadingZeroAndARootOfZeroToTwo() {
        assertThat(Uids.isOid("1.3.6.1.4.1.21367.2005.13.20.1000")).isTrue();
        for (String bad : new String[] {null, "", "1", "3.1.2", "1.02.3", "1..2", "1.2."}) {
            assertThat(Uids.isOid(bad)).as("%s", bad).isFalse();
        }
    }

    @Test
    void aUidMadeFromAUuidIsAUidUnder2Point25() {
        String uid = Uids.fromUuid(new UUID(-1L, -1L)); // the largest UUID
        assertThat(uid).startsWith("2.25.").hasSizeLessThanOrEqualTo(44);
        assertThat(Uids.isUid(uid)).isTrue();
        assertThat(Uids.isUid(Uids.random())).isTrue();
    }
}
