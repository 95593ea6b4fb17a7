// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import net.imagingexchange.imagingsource.ImagingSourceProperties.Mapping;
import net.imagingexchange.imagingsource.ImagingSourceProperties;
import net.imagingexchange.imagingsource.index.StudyRecord;

/** How a study's local patient becomes the affinity domain's patient (DESIGN.md 5). */
class PatientIdentitiesTest {

    private static final String DOMAIN = "1.3.6.1.4.1.21367.2005.13.20.1000";
    private static final String LOCAL_ISSUER = "1.3.6.1.4.1.21367.2005.13.20.1000.4.3";
    private static final String OTHER_DOMAIN = "1.2.250.1.999.63.77";

    private static PatientIdentities identities(boolean trustLocalIds, Mapping... mappings) {
        return new PatientIdentities(DOMAIN,
                new ImagingSourceProperties.PatientIdentity("", LOCAL_ISSUER, List.of(mappings), trustLocalIds));
    }

    private static StudyRecord.Patient patient(String patientId, String issuer, StudyRecord.OtherId... otherIds) {
        return new StudyRecord.Patient(patientId, issuer, "Lefèvre^Zoé", "19610412", "F", List.of(otherIds));
    }

    private static PatientIdentities.Mapped mapped(PatientIdentities.Resolution resolution) {
        assertThat(resolution).isInstanceOf(PatientIdentities.Mapped.class);
        return (PatientIdentities.Mapped) resolution;
    }

    private static PatientIdentities.Unmapped unmapped(PatientIdentities.Resolution resolution) {
        assertThat(resolution).isInstanceOf(PatientIdentities.Unmapped.class);
        return (PatientIdentities.Unmapped) resolution;
    }

    @Test
    void theRegionalIdIsWrittenAsCxWithTheAssigningAuthorityAsIsoOid() {
        assertThat(new RegionalPatientId("IDR63", DOMAIN).cx()).isEqualTo("IDR63^^^&" + DOMAIN + "&ISO");
    }

    @Test
    void anOtherPatientIdsItemIssuedByTheAffinityDomainIsTheRegionalId() {
        var resolution = identities(true, new Mapping("PER-1", "PERONNE", "FROM-TABLE"))
                .resolve(patient("PER-1", "PERONNE", new StudyRecord.OtherId("IDR1", DOMAIN)));

        var mapped = mapped(resolution);
        assertThat(mapped.id()).isEqualTo(new RegionalPatientId("IDR1", DOMAIN));
        assertThat(mapped.how()).isEqualTo("Other Patient IDs Sequence");
    }

    @Test
    void anOtherPatientIdsItemOfAnotherIssuerIsIgnored() {
        var identities = identities(true, new Mapping("PER-2", "PERONNE", "IDR2"));

        var viaTable = identities.resolve(
                patient("PER-2", "PERONNE", new StudyRecord.OtherId("FOREIGN-2", OTHER_DOMAIN)));
        var unknown = identities.resolve(
                patient("PER-3", "PERONNE", new StudyRecord.OtherId("FOREIGN-3", OTHER_DOMAIN)));

        assertThat(mapped(viaTable).id().id()).isEqualTo("IDR2");
        assertThat(mapped(viaTable).how()).isEqualTo("mapping table");
        assertThat(unknown).isInstanceOf(PatientIdentities.Unmapped.class);
    }

    @Test
    void theAffinityDomainItemIsFoundAmongOtherItems() {
        var resolution = identities(true).resolve(patient("PER-4", "PERONNE",
                new StudyRecord.OtherId("FOREIGN-4", OTHER_DOMAIN), new StudyRecord.OtherId("IDR4", DOMAIN)));

        assertThat(mapped(resolution).id().id()).isEqualTo("IDR4");
    }

    @Test
    void aPatientIdIssuedByTheAffinityDomainIsTheRegionalIdWhenLocalIdsAreTrusted() {
        var resolution = identities(true).resolve(patient("IDR5", DOMAIN));

        var mapped = mapped(resolution);
        assertThat(mapped.id().cx()).isEqualTo("IDR5^^^&" + DOMAIN + "&ISO");
        assertThat(mapped.how()).isEqualTo("Patient ID issued by the affinity domain");
    }

    @Test
    void aPatientIdIssuedByTheAffinityDomainIsNotUsedWhenLocalIdsAreNotTrusted() {
        var resolution = identities(false).resolve(patient("IDR6", DOMAIN));

        assertThat(unmapped(resolution).reason()).contains("IDR6 (" + DOMAIN + ")");
    }

    @Test
    void withoutTrustAPatientIdOfTheAffinityDomainIsStillMappedByTheTable() {
        var resolution = identities(false, new Mapping("IDR7", DOMAIN, "REG7")).resolve(patient("IDR7", DOMAIN));

        assertThat(mapped(resolution).id().id()).isEqualTo("REG7");
        assertThat(mapped(resolution).how()).isEqualTo("mapping table");
    }

    @Test
    void theMappingTableIsLookedUpByPatientIdAndIssuer() {
        var identities = identities(true,
                new Mapping("PER-8", "PERONNE", "IDR8"),
                new Mapping("PER-8", "AMIENS", "IDR8-AMIENS"));

        assertThat(mapped(identities.resolve(patient("PER-8", "PERONNE"))).id().id()).isEqualTo("IDR8");
        assertThat(mapped(identities.resolve(patient("PER-8", "AMIENS"))).id().id()).isEqualTo("IDR8-AMIENS");
        assertThat(identities.resolve(patient("PER-9", "PERONNE"))).isInstanceOf(PatientIdentities.Unmapped.class);
    }

    @Test
    void aPatientWithoutIssuerIsMappedByTheRowOfTheConfiguredLocalIssuer() {
        var resolution = identities(true, new Mapping("PER-10", LOCAL_ISSUER, "IDR10"))
                .resolve(patient("PER-10", ""));

        assertThat(mapped(resolution).id()).isEqualTo(new RegionalPatientId("IDR10", DOMAIN));
        assertThat(mapped(resolution).how()).isEqualTo("mapping table");
    }

    /** The site's own issuer stands for a name or no issuer: a patient of another hospital's OID is not ours. */
    @Test
    void aPatientIssuedByAnotherOidIsNotMappedByTheLocalIssuersRow() {
        var identities = identities(true, new Mapping("PER-12", LOCAL_ISSUER, "IDR12"));

        assertThat(identities.resolve(patient("PER-12", OTHER_DOMAIN)))
                .isInstanceOf(PatientIdentities.Unmapped.class);
        assertThat(mapped(identities.resolve(patient("PER-12", "PERONNE"))).id().id()).isEqualTo("IDR12");
    }

    @Test
    void aPatientWithoutIssuerIsMappedByARowWithoutIssuer() {
        var resolution = identities(true, new Mapping("PER-11", "", "IDR11")).resolve(patient("PER-11", ""));

        assertThat(mapped(resolution).id().id()).isEqualTo("IDR11");
    }

    @Test
    void anUnmappedPatientIsUnmappedWithAReasonNamingThePatientAndTheDomain() {
        var resolution = identities(true, new Mapping("PER-12", "PERONNE", "IDR12"))
                .resolve(patient("PER-13", "PERONNE"));

        assertThat(unmapped(resolution).reason())
                .contains("no regional patient ID for PER-13 (PERONNE)")
                .contains(DOMAIN);
    }

    @Test
    void anUnmappedPatientWithoutIssuerIsNamedByItsIdAlone() {
        var resolution = identities(true).resolve(patient("PER-14", ""));

        assertThat(unmapped(resolution).reason()).contains("no regional patient ID for PER-14:").contains(DOMAIN);
    }

    @Test
    void aRegionalIdWithAComponentSeparatorFromOtherPatientIdsIsNotUsable() {
        var resolution = identities(true)
                .resolve(patient("PER-15", "PERONNE", new StudyRecord.OtherId("IDR^15", DOMAIN)));

        assertThat(unmapped(resolution).reason())
                .contains("Other Patient IDs Sequence")
                .contains("not usable")
                .contains("IDR^15");
    }

    @Test
    void aRegionalIdWithASubcomponentSeparatorFromOtherPatientIdsIsNotUsable() {
        var resolution = identities(true)
                .resolve(patient("PER-16", "PERONNE", new StudyRecord.OtherId("IDR&16", DOMAIN)));

        assertThat(unmapped(resolution).reason()).contains("not usable").contains("IDR&16");
    }

    @Test
    void aMappingRowWithAnUnusableRegionalIdIsRefusedAtConstruction() {
        assertThatThrownBy(() -> identities(true, new Mapping("PER-17", "PERONNE", "IDR^17")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("IDR^17");
        assertThatThrownBy(() -> identities(true, new Mapping("PER-18", "PERONNE", "IDR&18")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRegionalIdThatIsBlankOrCarriesHl7SeparatorsIsRefused() {
        for (String id : List.of("", " ", "A^B", "A&B", "A~B", "A\\B", "A|B")) {
            assertThatThrownBy(() -> new RegionalPatientId(id, DOMAIN)).as("'%s'", id)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not usable as an HL7 CX.1");
        }
    }
}
