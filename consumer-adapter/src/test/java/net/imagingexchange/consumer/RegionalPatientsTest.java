// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegionalPatientsTest {

    private final RegionalPatients patients = new RegionalPatients("1.2.250.1.1");

    @Test
    void aPatientIsNamedByTheRegionalIdAloneWithItsIssuerOrAsCx() {
        assertThat(patients.cx("IDR1", null)).hasValue("IDR1^^^&1.2.250.1.1&ISO");
        assertThat(patients.cx(" IDR1 ", "1.2.250.1.1")).hasValue("IDR1^^^&1.2.250.1.1&ISO");
        assertThat(patients.cx("IDR1^^^&1.2.250.1.1&ISO", null)).hasValue("IDR1^^^&1.2.250.1.1&ISO");
    }

    @Test
    void anIdOfAnotherAuthorityIsNotARegionalId() {
        assertThat(patients.cx("IDR1", "1.2.3")).isEmpty();
        assertThat(patients.cx("IDR1^^^&1.2.3&ISO", null)).isEmpty();
        assertThat(patients.cx("^^^&1.2.250.1.1&ISO", null)).isEmpty();
        assertThat(patients.cx("", null)).isEmpty();
    }

    @Test
    void anAssigningAuthorityThatIsNotAnOidStopsTheStart() {
        assertThatThrownBy(() -> new RegionalPatients("REGION"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be an OID, not REGION");
    }
}
