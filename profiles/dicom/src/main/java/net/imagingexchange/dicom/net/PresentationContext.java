// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.net;

import java.util.List;

/**
 * A presentation context as proposed (PS3.8 9.3.2.2) and as answered (9.3.3.2).
 *
 * @param id              odd number 1-255 chosen by the requestor.
 * @param abstractSyntax  the SOP class.
 * @param transferSyntaxes proposed transfer syntaxes, or the one accepted.
 * @param result          0 acceptance, 1 user rejection, 2 no reason, 3 abstract syntax not supported,
 *                        4 transfer syntaxes not supported; -1 while only proposed.
 */
public record PresentationContext(int id, String abstractSyntax, List<String> transferSyntaxes, int result) {

    public static final int ACCEPTANCE = 0;
    public static final int ABSTRACT_SYNTAX_NOT_SUPPORTED = 3;

    public boolean accepted() {
        return result == ACCEPTANCE;
    }

    /** The transfer syntax in force once accepted. */
    public String transferSyntax() {
        return transferSyntaxes.get(0);
    }
}
