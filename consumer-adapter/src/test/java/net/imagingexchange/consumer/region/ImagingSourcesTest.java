// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import net.imagingexchange.consumer.ConsumerProperties;

class ImagingSourcesTest {

    private final ImagingSources sources = new ImagingSources(List.of(
            new ConsumerProperties.ImagingSource("1.2.3.1", "https://peronne.example/imaging-source/rad69",
                    List.of("peronne.example:443"), false),
            new ConsumerProperties.ImagingSource("1.2.3.2", "", List.of(), true)), () -> "http://localhost:8080");

    @Test
    void aRetrieveUrlIsFollowedOnlyOnItsSourcesAllowList() {
        assertThat(sources.mayFollow("1.2.3.1", "https://peronne.example/imaging-source/dicomweb")).isTrue();
        assertThat(sources.mayFollow("1.2.3.1", "https://peronne.example:8443/imaging-source/dicomweb")).isFalse();
        assertThat(sources.mayFollow("1.2.3.1", "https://elsewhere.example/dicomweb")).isFalse();
        assertThat(sources.mayFollow("1.2.3.1", "file:///etc/passwd")).isFalse();
        assertThat(sources.mayFollow("1.2.3.9", "https://peronne.example/imaging-source/dicomweb")).isFalse();
        assertThat(sources.mayFollow("1.2.3.1", "not a url")).isFalse();
        assertThat(sources.mayFollow("1.2.3.1", "")).as("a manifest without Retrieve URL").isFalse();
        assertThat(sources.mayFollow("1.2.3.2", "")).as("a local source's, likewise").isFalse();
    }

    @Test
    void aLocalSourceIsThisServerOnALoopbackName() {
        assertThat(sources.mayFollow("1.2.3.2", "http://localhost:8080/imaging-source/dicomweb")).isTrue();
        assertThat(sources.mayFollow("1.2.3.2", "http://127.0.0.1:8080/imaging-source/dicomweb")).isTrue();
        assertThat(sources.mayFollow("1.2.3.2", "http://127.0.0.1:9090/imaging-source/dicomweb")).isFalse();
        assertThat(sources.mayFollow("1.2.3.2", "http://other.example:8080/imaging-source/dicomweb")).isFalse();
    }

    @Test
    void onlyALocalSourcesUrlOnThisServerHasAPathToBeAskedInProcess() {
        assertThat(sources.localPath("1.2.3.2", "http://127.0.0.1:8080/imaging-source/dicomweb/studies/1.2/series/3"))
                .hasValue("/imaging-source/dicomweb/studies/1.2/series/3");
        assertThat(sources.localPath("1.2.3.2", "http://127.0.0.1:9090/imaging-source/dicomweb/studies/1.2"))
                .isEmpty();
        assertThat(sources.localPath("1.2.3.1", "https://peronne.example/imaging-source/dicomweb/studies/1.2"))
                .isEmpty();
        assertThat(sources.localPath("1.2.3.9", "http://localhost:8080/imaging-source/dicomweb/studies/1.2"))
                .isEmpty();
    }

    @Test
    void aLocalPathIsWithinThisServersContextPath() {
        var underContext = new ImagingSources(List.of(new ConsumerProperties.ImagingSource("1.2.3.2", "", List.of(),
                true)), () -> "http://localhost:8080/exchange");
        assertThat(underContext.localPath("1.2.3.2", "http://localhost:8080/exchange/imaging-source/dicomweb/studies"
                + "/1.2")).hasValue("/imaging-source/dicomweb/studies/1.2");
        assertThat(underContext.localPath("1.2.3.2", "http://localhost:8080/other/imaging-source/dicomweb")).isEmpty();
    }

    @Test
    void rad69EndpointsComeFromConfigurationOrThisServer() {
        assertThat(sources.rad69Url("1.2.3.1")).hasValue("https://peronne.example/imaging-source/rad69");
        assertThat(sources.rad69Url("1.2.3.2")).hasValue("http://localhost:8080/imaging-source/rad69");
        assertThat(sources.rad69Url("1.2.3.9")).isEmpty();
    }

    @Test
    void aSourceWithoutRetrieveLocationUidIsAConfigurationError() {
        assertThatThrownBy(() -> new ConsumerProperties.ImagingSource(null, "", List.of(), true))
                .hasMessageContaining("retrieve-location-uid is required");
    }
}
