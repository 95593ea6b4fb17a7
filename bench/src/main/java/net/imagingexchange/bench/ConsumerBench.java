// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Consumer adapter benchmark (issue 6), one run: a study sent to the exchange's imaging source (Péronne) is retrieved
 * by WADO-RS through a reading site's façade ({@code /consumer/dicomweb}, which resolves it through the manifest)
 * and straight from the imaging source's WADO-RS, round after round with the same client: first the façade of the
 * source's own exchange (the source answers in-process), then that of a second exchange, the reading site's, which
 * streams the study from the source over HTTP, also next to the source through a byte-copying TCP relay. Target: the
 * façade's overhead at most {@value #OVERHEAD_PERCENT} %, for the whole study's MiB/s and for the time to the first
 * whole instance. Run it with {@code bench/consumer.sh}.
 */
public final class ConsumerBench {

    static final int OVERHEAD_PERCENT = 20;
    /** Ours / peer at least: an overhead of {@value #OVERHEAD_PERCENT} %. */
    private static final double TARGET_RATIO = 1 / (1 + OVERHEAD_PERCENT / 100.0);
    private static final int READING_SITE_WARM_UP = 20;
    private static final int WARM_UP_REQUESTS = 500;
    /** The imaging source's own, by default (imaging-source.retrieve.retrieve-location-uid). */
    private static final String RETRIEVE_LOCATION_UID = "1.3.6.1.4.1.21367.2005.13.20.1000.4.2";

    private final ImagingSourceOptions options;
    private final Path work;
    private final BenchReport report = new BenchReport();

    private ConsumerBench(ImagingSourceOptions options) {
        this.options = options;
        this.work = options.workDirectory().toAbsolutePath();
    }

    public static void main(String[] args) throws Exception {
        ImagingSourceOptions options = ImagingSourceOptions.forMain(args);
        new ConsumerBench(options).run();
        System.exit(0);
    }

    private void run() throws Exception {
        DcmtkTools.require("storescu");
        DicomStudy study = DicomStudy.prepare(work.resolve("study-1"), new DicomStudy.Shape(options.instances(),
                options.rows(), options.columns(), 1));
        BenchDocuments.delete(work.resolve("data")); // the previous run's exchange data, before any timing
        int dicomPort = ChildJvm.freePort();
        try (var exchange = ImagingSourceBench.startExchange(options, work, dicomPort)) {
            header(study, exchange);
            publish(study, exchange, dicomPort);
            String uid = study.studyInstanceUid();
            find(exchange, uid);
            var source = new WadoRounds.Server("the imaging source", URI.create(exchange.base()
                    + "/imaging-source/dicomweb/studies/" + uid), exchange.jvm());
            // the reading site hosted by the source's exchange: the source answers in-process
            var local = new WadoRounds.Server("façade (same exchange)", URI.create(exchange.base()
                    + "/consumer/dicomweb/studies/" + uid), exchange.jvm());
            warm(study, local, source);
            new WadoRounds(options, study, report, new WadoRounds.Goal(TARGET_RATIO, TARGET_RATIO)).run(local, source);
            // Saint-Quentin in its own exchange, reading Péronne's over the network
            try (var reading = startReadingSite(exchange)) {
                find(reading, uid);
                var remote = new WadoRounds.Server("façade (reading site's exchange)", URI.create(
                        reading.base() + "/consumer/dicomweb/studies/" + uid), reading.jvm());
                warmStudy(remote);
                warm(study, remote);
                new WadoRounds(options, study, report, new WadoRounds.Goal(TARGET_RATIO, TARGET_RATIO)).run(remote,
                        source);
                // the same source through a relay that only copies bytes: what any hop costs on this machine
                try (var relay = new TcpRelay(URI.create(exchange.base()).getPort())) {
                    new WadoRounds(options, study, report, new WadoRounds.Goal(TARGET_RATIO, Double.NaN)).run(
                            remote, new WadoRounds.Server("the imaging source through a TCP relay", URI.create(
                                    "http://127.0.0.1:" + relay.port() + "/imaging-source/dicomweb/studies/" + uid),
                                    exchange.jvm()));
                }
                report.note(String.format(Locale.ROOT, "reading site's exchange JVM peak RSS (VmHWM) %.0f MiB",
                        reading.jvm().peakRssKib() / 1024.0));
            }
            report.note(String.format(Locale.ROOT, "exchange JVM peak RSS (VmHWM) %.0f MiB",
                    exchange.jvm().peakRssKib() / 1024.0));
        }
        report.note("ratio = ours / peer for speeds, peer / ours for times (above 1.00: ours is better); a target "
                + "ratio of " + String.format(Locale.ROOT, "%.2f", TARGET_RATIO)
                + " is an overhead of " + OVERHEAD_PERCENT + " %; logs and data: " + work);
        report.print(System.out);
        report.write(work.resolve("report.txt"));
    }

    /** storescu sends the study to the imaging source; the façade then finds it by QIDO-RS (untimed). */
    private void publish(DicomStudy study, ExchangeJvm exchange, int dicomPort) throws Exception {
        RetrieveBench.progress("storescu: %s into the imaging source, then waiting for its manifest",
                study.directory().getFileName());
        DcmtkTools.storescu(IngestRounds.storescuOptions(ImagingSourceBench.IMAGING_SOURCE_AE_TITLE), dicomPort,
                List.of("+sd", study.directory().toString()), work.resolve("storescu.log"));
        var probe = new PublicationProbe(exchange.base());
        probe.await(study.studyInstanceUid(), System.nanoTime());
        probe.checkPublished(study.studyInstanceUid(), study.instances());
    }

    /** The façade of {@code exchange} finds the study by QIDO-RS (ITI-18, ITI-43; untimed). */
    private static void find(ExchangeJvm exchange, String studyInstanceUid) throws IOException {
        URI search = URI.create(exchange.base() + "/consumer/dicomweb/studies?PatientID="
                + DicomStudy.REGIONAL_PATIENT_ID);
        try (var answer = BlockingHttp.get(search)) {
            String body = new String(answer.body().readAllBytes(), StandardCharsets.UTF_8);
            if (answer.status() != 200 || !body.contains(studyInstanceUid)) {
                throw new IllegalStateException("QIDO-RS " + search + " did not find the study: HTTP "
                        + answer.status() + " " + body);
            }
        }
    }

    /**
     * A server in use has served many requests: {@value #WARM_UP_REQUESTS} untimed retrievals of one instance
     * through each side compile their request paths before the rounds (a request costs a few ms more until a few
     * hundred have been served); the reading site's exchange, started last, also retrieves the whole study
     * {@value #READING_SITE_WARM_UP} times.
     */
    private static void warm(DicomStudy study, WadoRounds.Server... servers) throws IOException {
        for (var server : servers) {
            URI instance = URI.create(server.study() + study.firstInstancePath());
            for (int i = 0; i < WARM_UP_REQUESTS; i++) {
                try (var answer = BlockingHttp.get(instance, WadoRsClient.ACCEPT)) {
                    answer.body().transferTo(OutputStream.nullOutputStream());
                    if (answer.status() != 200) {
                        throw new IllegalStateException("GET " + instance + ": HTTP " + answer.status());
                    }
                }
            }
            RetrieveBench.progress("%s: %d untimed retrievals of one instance done", server.name(),
                    WARM_UP_REQUESTS);
        }
    }

    private static void warmStudy(WadoRounds.Server server) {
        for (int i = 0; i < READING_SITE_WARM_UP; i++) {
            WadoRsClient.retrieve(server.study());
        }
        RetrieveBench.progress("%s: %d untimed retrievals of the study done", server.name(), READING_SITE_WARM_UP);
    }

    /**
     * Saint-Quentin in an exchange of its own: its consumer asks the first exchange's registry and repository, and
     * retrieves from its imaging source over HTTP (a source on the allow-list, not {@code local}).
     */
    private ExchangeJvm startReadingSite(ExchangeJvm region) throws IOException, InterruptedException {
        int port = ChildJvm.freePort();
        String base = region.base();
        RetrieveBench.progress("starting the reading site's exchange: HTTP on 127.0.0.1:%d", port);
        Path data = work.resolve("data-reading-site");
        BenchDocuments.delete(data);
        return ExchangeJvm.start(new ExchangeJvm.Launch(options.exchangeJar(), options.exchangeJvmOptions(), data,
                work.resolve("exchange-reading-site.log"), List.of(
                "--imaging-source.dicom.port=" + ChildJvm.freePort(),
                "--imaging-source.dicom.bind-address=127.0.0.1",
                "--consumer.region.registry-url=" + base + "/registry/iti18",
                "--consumer.region.default-repository-url=" + base + "/repository/iti43",
                "--consumer.region.imaging-sources[0].retrieve-location-uid=" + RETRIEVE_LOCATION_UID,
                "--consumer.region.imaging-sources[0].rad69-url=" + base + "/imaging-source/rad69",
                "--consumer.region.imaging-sources[0].wado-rs-hosts[0]=" + URI.create(base).getAuthority())), port);
    }

    private void header(DicomStudy study, ExchangeJvm exchange) throws IOException {
        report.limitColumn("peer");
        report.header(String.format(Locale.ROOT, "Consumer adapter bench: a study of %d instances (CT, %d x %d, 16"
                        + " bits allocated, explicit VR little endian, %.1f MiB); %d alternating rounds after %d"
                        + " warm-up round(s)", options.instances(), options.rows(), options.columns(),
                study.mebibytes(), options.rounds(), options.warmup()));
        report.header(String.format(Locale.ROOT, "Java %s (%s), %s %s %s, %d CPUs", Runtime.version(),
                System.getProperty("java.vm.vendor"), System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors()));
        report.header("ours = GET /consumer/dicomweb/studies/UID of the façade (the manifest found by ITI-18 / ITI-43"
                + " before the rounds): first in the source's own exchange, which answers in-process (a local"
                + " source); then in a second exchange, the reading site's, which streams the study from the"
                + " source's WADO-RS over loopback HTTP (warmed by " + READING_SITE_WARM_UP + " untimed retrievals of"
                + " the study). Before the rounds each side serves " + WARM_UP_REQUESTS + " untimed retrievals of one"
                + " instance. peer = GET " + exchange.base()
                + "/imaging-source/dicomweb/studies/UID. Each exchange: java "
                + String.join(" ", options.exchangeJvmOptions()) + " -jar " + options.exchangeJar());
        report.header("the TCP relay: a loopback port in the bench's JVM copying each connection's bytes to the"
                + " exchange and back (64 KiB buffers, a thread per direction, nothing parsed): the cost of any hop");
        report.header("client: Accept: " + WadoRsClient.ACCEPT + ", the JDK's HttpURLConnection, 64 KiB reads,"
                + " multipart parsed and counted as it arrives; then " + CurlClient.version() + ", the body discarded"
                + " unparsed");
    }
}
