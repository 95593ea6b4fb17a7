// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.retrieve;

/** An instance the manifest lists that could not be had, and why. */
public record MissingInstance(String seriesInstanceUid, String sopInstanceUid, String reason) {
}
