// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The disk's limit for a durable store: the study's files copied one by one into a new directory, each with one
 * fsync before the next is started, as a durable SCP must before each C-STORE response (decision 0010). No network,
 * no parsing, no rename, no directory sync: what any durable receiver on this disk can at best reach.
 */
final class FsyncLimit {

    private FsyncLimit() {
    }

    /** Copies every file of {@code source} into {@code target} (created), one fsync per file; wall time in ns. */
    static long copyWithFsync(Path source, Path target) throws IOException {
        Files.createDirectories(target);
        List<Path> files = new ArrayList<>();
        try (var listing = Files.newDirectoryStream(source)) {
            listing.forEach(files::add);
        }
        long start = System.nanoTime();
        for (Path file : files) {
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
                 FileChannel out = FileChannel.open(target.resolve(file.getFileName()), StandardOpenOption.CREATE_NEW,
                         StandardOpenOption.WRITE)) {
                long size = in.size();
                for (long done = 0; done < size; ) {
                    done += in.transferTo(done, size - done, out);
                }
                out.force(true);
            }
        }
        return System.nanoTime() - start;
    }
}
