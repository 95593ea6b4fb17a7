// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.send;

import java.nio.file.Path;

/**
 * An instance retrieved for a job and waiting to be delivered: its Part 10 file as the imaging source gave it, and
 * what its File Meta Information says (PS3.10 7.1).
 */
public record SpooledInstance(Path file, String seriesInstanceUid, String sopInstanceUid, String sopClassUid,
                              String transferSyntaxUid) {
}
