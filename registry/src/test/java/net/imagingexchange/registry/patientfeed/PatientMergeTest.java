// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.patientfeed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import net.imagingexchange.registry.testing.RegistryComponentTest;
import net.imagingexchange.registry.testing.Samples;

/** ITI TF-2 3.8.4.2 merges, including a merge into an ID that was itself merged before. */
@RegistryComponentTest
class PatientMergeTest {

    @Autowired
    PatientRegistry patients;

    @Test
    void mergesIntoTheFinalSurvivorWhenTheSurvivingIdWasItselfMerged() {
        String first = id(), second = id(), third = id();
        patients.register(first);
        patients.register(second);
        patients.register(third);

        patients.merge(second, first);
        patients.merge(third, second);

        assertThat(patients.accepts(first)).isTrue();
        assertThat(patients.accepts(second)).isFalse();
        assertThat(patients.accepts(third)).isFalse();
        assertThat(patients.isMerged(third)).isTrue();
    }

    @Test
    void refusesToMergeAPatientIntoOneThatWasMergedIntoIt() {
        String first = id(), second = id();
        patients.merge(second, first);

        assertThatThrownBy(() -> patients.merge(first, second)).isInstanceOf(IllegalArgumentException.class);
        assertThat(patients.accepts(first)).isTrue();
    }

    private static String id() {
        return "PAT-" + Samples.freshUid() + "^^^&1.3.6.1.4.1.21367.2005.13.20.1000&ISO";
    }
}
