// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Imaging source benchmark (issue 5), one run, side by side on one machine: the exchange's fat jar (registry,
 * repository and imaging source in a JVM of its own) against dcmtk's {@code storescp} for C-STORE ingest of a new
 * study per round (target: our instances per second at least {@value #INGEST_TARGET} of storescp's), the time from
 * the last instance's acknowledgement to the study's KOS manifest being queryable over ITI-18 (target: under 1 s
 * plus the quiet period), and against a private Orthanc for WADO-RS retrieval of the same study (target: at least
 * {@value #RETRIEVE_TARGET} times Orthanc's MiB/s). Run it with {@code bench/imaging-source.sh}.
 */
public final class ImagingSourceBench {

    static final double INGEST_TARGET = 1.0;
    static final double RETRIEVE_TARGET = 2.0;
    static final String IMAGING_SOURCE_AE_TITLE = "XDSI_SOURCE";
    private static final Duration STARTUP = Duration.ofMinutes(1);

    private final ImagingSourceOptions options;
    private final Path work;
    private final BenchReport report = new BenchReport();
    private final IngestRounds ingest;
    private int storescpPort;

    private ImagingSourceBench(ImagingSourceOptions options) {
        this.options = options;
        this.work = options.workDirectory().toAbsolutePath();
        this.ingest = new IngestRounds(options, work, report);
    }

    public static void main(String[] args) throws Exception {
        ImagingSourceOptions options = ImagingSourceOptions.forMain(args);
        new ImagingSourceBench(options).run();
        System.exit(0);
    }

    private void run() throws Exception {
        for (String tool : List.of("storescu", "storescp", "echoscu")) {
            DcmtkTools.require(tool);
        }
        List<DicomStudy> studies = prepareStudies();
        DicomStudy retrieved = studies.get(0);
        setAsidePreviousRun();
        int dicomPort = ChildJvm.freePort();
        try (var exchange = startExchange(options, work, dicomPort); var storescp = startStorescp();
             var orthanc = startOrthanc()) {
            header(studies, exchange, orthanc);
            var ours = new IngestRounds.Side("ours", exchange.jvm(), IMAGING_SOURCE_AE_TITLE, dicomPort,
                    work.resolve("data").resolve("imaging-source").resolve("instances"), storescuLog("ours"));
            var peer = new IngestRounds.Side("storescp", storescp, ImagingSourceOptions.STORESCP_AE_TITLE,
                    storescpPort, received(), storescuLog("storescp"));
            ingest.run(studies, ours, peer, new PublicationProbe(exchange.base()));
            ingest.results(ours, peer, retrieved.mebibytes());
            report.note(String.format(Locale.ROOT, "exchange JVM: started in %.0f s; peak RSS (VmHWM) after start-up"
                    + " and ingest %.0f MiB", exchange.startSeconds(), exchange.jvm().peakRssKib() / 1024.0));
            loadOrthanc(orthanc, retrieved);
            new WadoRounds(options, retrieved, report, new WadoRounds.Goal(RETRIEVE_TARGET, Double.NaN)).run(
                    new WadoRounds.Server("ours", URI.create(exchange.base()
                            + "/imaging-source/dicomweb/studies/" + retrieved.studyInstanceUid()), exchange.jvm()),
                    new WadoRounds.Server("Orthanc", orthanc.study(retrieved.studyInstanceUid()), orthanc.process()));
            plainDownloadLimit(URI.create(exchange.base() + "/imaging-source/dicomweb/studies/"
                    + retrieved.studyInstanceUid()), retrieved);
            notes();
        } finally {
            RetrieveBench.progress("deleting the files of earlier sends and runs (%s)", ingest.spent());
            BenchDocuments.delete(ingest.spent());
        }
        report.print(System.out);
        report.write(work.resolve("report.txt"));
    }

    /**
     * Moves the previous run's exchange data, Orthanc and storescp's files to {@code spent/} (deleted when this run
     * ends, after the timing: see {@link DicomStoreBench}'s send for why nothing is deleted before), removes its logs.
     */
    private void setAsidePreviousRun() throws IOException {
        BenchDocuments.delete(ingest.spent()); // what a run that did not end left there
        Files.createDirectories(ingest.spent());
        for (String previous : List.of("data", "orthanc", "received-storescp")) {
            if (Files.exists(work.resolve(previous))) {
                Files.move(work.resolve(previous), ingest.spent().resolve(previous + "-previous-run"));
            }
        }
        for (String side : List.of("ours", "storescp", "orthanc")) {
            Files.deleteIfExists(storescuLog(side));
        }
        Files.createDirectories(received());
    }

    private Path storescuLog(String side) {
        return work.resolve("storescu-" + side + ".log");
    }

    /** storescp's receiving directory. */
    private Path received() {
        return work.resolve("received-storescp");
    }

    /** One study per round, warm-up rounds first, each of its own UIDs; kept between runs with the same options. */
    private List<DicomStudy> prepareStudies() throws IOException {
        var studies = new ArrayList<DicomStudy>();
        for (int variant = 1; variant <= options.warmup() + options.rounds(); variant++) {
            studies.add(DicomStudy.prepare(work.resolve("study-" + variant), new DicomStudy.Shape(options.instances(),
                    options.rows(), options.columns(), variant)));
        }
        return studies;
    }

    /**
     * Starts the exchange's fat jar with its data under {@code work/data}, the imaging source's C-STORE SCP on
     * {@code dicomPort} and its quiet period short; returns once the SCP answers C-ECHO.
     */
    static ExchangeJvm startExchange(ImagingSourceOptions options, Path work, int dicomPort)
            throws IOException, InterruptedException {
        int port = ChildJvm.freePort();
        String base = "http://127.0.0.1:" + port;
        RetrieveBench.progress("starting the exchange: HTTP on 127.0.0.1:%d, imaging source C-STORE on %d", port,
                dicomPort);
        var exchange = ExchangeJvm.start(new ExchangeJvm.Launch(options.exchangeJar(), options.exchangeJvmOptions(),
                work.resolve("data"), work.resolve("exchange.log"), List.of(
                "--imaging-source.dicom.port=" + dicomPort,
                "--imaging-source.dicom.bind-address=127.0.0.1",
                "--imaging-source.publication.quiet-period=" + ImagingSourceOptions.QUIET_PERIOD.toMillis() + "ms",
                "--imaging-source.publication.poll-interval=" + ImagingSourceOptions.POLL_INTERVAL.toMillis() + "ms",
                "--imaging-source.publication.repository-url=" + base + "/repository/iti41",
                "--imaging-source.publication.registry-query-url=" + base + "/registry/iti18",
                "--imaging-source.retrieve.base-url=" + base)), port);
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (!DcmtkTools.echo(IMAGING_SOURCE_AE_TITLE, dicomPort)) {
            if (System.nanoTime() > deadline) {
                exchange.close();
                throw new IllegalStateException("the imaging source did not answer C-ECHO on " + dicomPort
                        + " within " + STARTUP + "; see " + work.resolve("exchange.log"));
            }
            Thread.sleep(200);
        }
        return exchange;
    }

    private ChildJvm startStorescp() throws IOException, InterruptedException {
        storescpPort = ChildJvm.freePort();
        RetrieveBench.progress("starting storescp on 127.0.0.1:%d", storescpPort);
        String ae = ImagingSourceOptions.STORESCP_AE_TITLE;
        return ChildJvm.startProcess("storescp", List.of(DcmtkTools.require("storescp").toString(), "-aet", ae,
                        "-od", received().toString(), "+B", "-pdu", "131072", "-dhl",
                        Integer.toString(storescpPort)), DcmtkTools.ENVIRONMENT, work.resolve("storescp.log"),
                () -> DcmtkTools.echo(ae, storescpPort), STARTUP);
    }

    private OrthancServer startOrthanc() throws IOException, InterruptedException {
        RetrieveBench.progress("starting Orthanc under %s", work.resolve("orthanc"));
        return OrthancServer.start(work.resolve("orthanc"));
    }

    /** Sends the retrieved study to Orthanc's DICOM port (untimed in any ratio: it only loads the peer). */
    private void loadOrthanc(OrthancServer orthanc, DicomStudy study) throws IOException, InterruptedException {
        RetrieveBench.progress("storescu: %s into Orthanc", study.directory().getFileName());
        long nanos = DcmtkTools.storescu(IngestRounds.storescuOptions(OrthancServer.AE_TITLE), orthanc.dicomPort(),
                List.of("+sd", study.directory().toString()), storescuLog("orthanc"));
        report.note(String.format(Locale.ROOT, "Orthanc loaded by the same storescu: %.2f s, %.0f instances/s (not"
                + " compared: Orthanc is the WADO-RS peer only)", nanos / 1e9, study.instances() / (nanos / 1e9)));
    }

    private void header(List<DicomStudy> studies, ExchangeJvm exchange, OrthancServer orthanc) throws IOException,
            InterruptedException {
        report.limitColumn("peer/limit");
        DicomStudy study = studies.get(0);
        report.header(String.format(Locale.ROOT, "Imaging source bench: studies of %d instances (CT, %d x %d, 16 bits"
                        + " allocated, explicit VR little endian, %.1f MiB), a new study per round; %d alternating"
                        + " rounds after %d warm-up round(s) of each phase", options.instances(), options.rows(),
                options.columns(), study.mebibytes(), options.rounds(), options.warmup()));
        report.header(String.format(Locale.ROOT, "Java %s (%s), %s %s %s, %d CPUs; %s; %s", Runtime.version(),
                System.getProperty("java.vm.vendor"), System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(), DcmtkTools.version(),
                orthanc.versions()));
        report.header("ours = java " + String.join(" ", options.exchangeJvmOptions()) + " -jar "
                + options.exchangeJar() + " (registry, repository, imaging source; embedded H2; data under "
                + work.resolve("data") + "), imaging source AE " + IMAGING_SOURCE_AE_TITLE + ", quiet period "
                + ImagingSourceOptions.QUIET_PERIOD.toMillis() + " ms, publication poll "
                + ImagingSourceOptions.POLL_INTERVAL.toMillis() + " ms");
        report.header("ingest: TCP_NODELAY=1 storescu " + String.join(" ", IngestRounds.storescuOptions("AE"))
                + " 127.0.0.1 PORT +sd STUDY, to ours and to TCP_NODELAY=1 storescp -aet "
                + ImagingSourceOptions.STORESCP_AE_TITLE + " -od DIR +B -pdu 131072 -dhl PORT (no fsync)");
        report.header("publication: ITI-18 FindDocumentsByReferenceId (Study Instance UID, LeafClass, Approved)"
                + " posted every " + PublicationProbe.INTERVAL_MS + " ms from storescu's exit until it finds the"
                + " manifest");
        report.header("retrieval: GET .../studies/UID, Accept: " + WadoRsClient.ACCEPT + ", from ours ("
                + exchange.base() + "/imaging-source/dicomweb) and Orthanc (/dicom-web, configuration "
                + orthanc.configuration() + "), the same HttpURLConnection client, 64 KiB reads, multipart parsed"
                + " and counted as it arrives; then " + CurlClient.version() + ", the body discarded unparsed");
    }

    /**
     * The same study by curl from ours and as one plain HTTP download of its stored files (the same page cache, no
     * multipart, no index): how close ours is to what this machine can send at all.
     */
    private void plainDownloadLimit(URI ours, DicomStudy study) throws IOException {
        if (!CurlClient.available()) {
            return;
        }
        List<Path> files;
        try (var stored = Files.list(work.resolve("data").resolve("imaging-source").resolve("instances")
                .resolve(study.studyInstanceUid()))) {
            files = stored.sorted().toList();
        }
        try (var plain = new PlainStudyServer(files)) {
            long[] oursTotals = new long[2];
            long[] plainTotals = new long[2];
            for (int r = 0; r < options.warmup() + options.rounds(); r++) {
                for (int k = 0; k < 2; k++) {
                    boolean oursNow = (r + k) % 2 == 0;
                    var retrieval = CurlClient.retrieve(oursNow ? ours : plain.study());
                    if (r < options.warmup()) {
                        continue;
                    }
                    long[] totals = oursNow ? oursTotals : plainTotals;
                    totals[0] += retrieval.bytes();
                    totals[1] += retrieval.wallNanos();
                }
            }
            report.speed("WADO-RS study by curl, against a plain HTTP download of its stored files", "MiB/s",
                    oursTotals[0] / 1048576.0 / (oursTotals[1] / 1e9), plainTotals[0] / 1048576.0
                            / (plainTotals[1] / 1e9), null);
            report.note("plain download = the JDK's HTTP server in the bench's JVM answering the study's stored files"
                    + " one after the other with a Content-Length (64 KiB blocks, same page cache, no multipart):"
                    + " what this machine can send over loopback HTTP at all");
        }
    }

    private void notes() {
        report.note("instances/s = instances over storescu's wall time (process start to exit), averaged over the"
                + " rounds; CPU = user + system CPU of the receiver's process during the send; sync = sync -f"
                + " right after the send (ours: after the manifest was found)");
        report.note("publication latency = from storescu's exit (the last instance acknowledged) to the ITI-18"
                + " answer holding the manifest; it includes the quiet period, the publisher's poll, RAD-68"
                + " (ITI-41 to the repository, ITI-42 to the registry) and up to one " + PublicationProbe.INTERVAL_MS
                + " ms polling interval");
        report.note("ratio = ours / peer for speeds, peer / ours for times and memory (above 1.00: ours is better);"
                + " logs and data: " + work);
    }
}
