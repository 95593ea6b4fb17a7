// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.data;

import java.nio.file.Path;

/**
 * A value left where it is: {@code length} bytes at {@code offset} of {@code file}, in the byte order of the data
 * set it was read from. Large values (pixel data, fragments) are kept this way and never read into memory.
 */
public record BulkData(Path file, long offset, long length) {
}
