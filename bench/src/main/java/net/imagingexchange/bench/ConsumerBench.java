// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Consumer adapter benchmark (issue 6), one run: a study sent to the exchange's imaging source (Péronne) is retrieved
 * by WADO-RS through the reading site's façade ({@code /consumer/dicomweb}, which resolves it through the manifest
 * and streams it from the source) and straight from the imaging source's WADO-RS, in the same exchange, round after
 * round with the same client. Target: the façade's overhead at most {@value #OVERHEAD_PERCENT} %, for the whole
 * study's MiB/s and for the time to the first whole instance. Run it with {@code bench/consumer.sh}.
 */
public final class ConsumerBench {

    static final int OVERHEAD_PERCENT = 20;

    private final ImagingSourceOptions options;
    private final Path work;
    private final BenchReport report = new BenchReport();

    private ConsumerBench(ImagingSourceOptions options) {
        this.options = options;
        this.work = options.workDirectory().toAbsolutePath();
    }

    public static void main(String[] args) throws Exception {
        ImagingSourceOptions options;
        try {
            options = ImagingSourceOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Files.createDirectories(options.workDirectory());
        BlockingHttp.keepAlive(options.clients());
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
            double overhead = 1 + OVERHEAD_PERCENT / 100.0;
            var facade = new WadoRounds.Server("façade", URI.create(exchange.base() + "/consumer/dicomweb/studies/"
                    + uid), exchange.jvm());
            new WadoRounds(options, study, report, new WadoRounds.Goal(1 / overhead, 1 / overhead)).run(facade,
                    new WadoRounds.Server("the imaging source", URI.create(exchange.base()
                            + "/imaging-source/dicomweb/studies/" + uid), exchange.jvm()));
            // the same source through a relay that only copies bytes: what any hop costs on this machine
            try (var relay = new TcpRelay(URI.create(exchange.base()).getPort())) {
                new WadoRounds(options, study, report, new WadoRounds.Goal(1 / overhead, Double.NaN)).run(facade,
                        new WadoRounds.Server("the imaging source through a TCP relay", URI.create(
                                "http://127.0.0.1:" + relay.port() + "/imaging-source/dicomweb/studies/" + uid),
                                exchange.jvm()));
            }
            report.note(String.format(Locale.ROOT, "exchange JVM peak RSS (VmHWM) %.0f MiB",
                    exchange.jvm().peakRssKib() / 1024.0));
        }
        report.note("ratio = ours / peer for speeds, peer / ours for times (above 1.00: ours is better); a target "
                + "ratio of " + String.format(Locale.ROOT, "%.2f", 1 / (1 + OVERHEAD_PERCENT / 100.0))
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
        URI search = URI.create(exchange.base() + "/consumer/dicomweb/studies?PatientID="
                + DicomStudy.REGIONAL_PATIENT_ID);
        try (var answer = BlockingHttp.get(search)) {
            String body = new String(answer.body().readAllBytes(), StandardCharsets.UTF_8);
            if (answer.status() != 200 || !body.contains(study.studyInstanceUid())) {
                throw new IllegalStateException("QIDO-RS " + search + " did not find the study: HTTP "
                        + answer.status() + " " + body);
            }
        }
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
        report.header("ours = GET " + exchange.base() + "/consumer/dicomweb/studies/UID (the façade: the manifest"
                + " found by ITI-18 / ITI-43 before the rounds, the study streamed from the source's WADO-RS over"
                + " loopback HTTP); peer = GET " + exchange.base() + "/imaging-source/dicomweb/studies/UID; both in"
                + " java " + String.join(" ", options.exchangeJvmOptions()) + " -jar " + options.exchangeJar());
        report.header("the TCP relay: a loopback port in the bench's JVM copying each connection's bytes to the"
                + " exchange and back (64 KiB buffers, a thread per direction, nothing parsed): the cost of any hop");
        report.header("client: Accept: " + WadoRsClient.ACCEPT + ", the JDK's HttpURLConnection, 64 KiB reads,"
                + " multipart parsed and counted as it arrives; then " + CurlClient.version() + ", the body discarded"
                + " unparsed");
    }
}
