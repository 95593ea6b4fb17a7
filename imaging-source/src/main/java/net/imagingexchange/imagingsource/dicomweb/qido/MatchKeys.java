// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb.qido;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.imagingexchange.dicom.Uids;

/**
 * Turns the value of a match key into its {@link Condition} by the matching its attribute supports (PS3.4
 * C.2.2.2), or refuses a value that attribute cannot take. An empty value is Universal Matching (C.2.2.2.3), and
 * so is a lone {@code *} (C.2.2.2.4), for every VR: no condition.
 */
final class MatchKeys {

    // PS3.18 8.3.4.1: a UID list is comma-separated; PS3.4 C.2.2.2.2 separates by backslash, accepted too
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[,\\\\]");
    private static final Pattern DATE_RANGE = Pattern.compile("([0-9]{8})?(-)?([0-9]{8})?");
    private static final String TM = "(?:[01][0-9]|2[0-3])(?:[0-5][0-9](?:(?:[0-5][0-9]|60)(?:\\.[0-9]{1,6})?)?)?";
    private static final Pattern TIME_RANGE = Pattern.compile("(" + TM + ")?(-)?(" + TM + ")?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,12}");

    private MatchKeys() {
    }

    /**
     * The condition of {@code value} on {@code attribute}; null for Universal Matching.
     *
     * @param parameter the query parameter's name, for the error.
     */
    static Condition condition(QidoAttribute attribute, String parameter, String value)
            throws InvalidSearchException {
        if (value.isEmpty() || value.equals("*")) {
            return null;
        }
        return switch (attribute.matching()) {
            case UID_LIST -> uids(parameter, value);
            case TEXT, PERSON_NAME -> text(attribute.matching(), value);
            case DATE, TIME -> range(attribute.matching(), parameter, value);
            case INTEGER -> integer(parameter, value);
            case MODALITIES -> modalities(value);
            case NONE -> throw new IllegalArgumentException(attribute + " is not supported for matching");
        };
    }

    private static Condition uids(String parameter, String value) throws InvalidSearchException {
        var uids = new ArrayList<String>();
        for (String uid : LIST_SEPARATOR.split(value, -1)) {
            String trimmed = uid.strip();
            if (!Uids.isUid(trimmed)) {
                throw InvalidSearchException.invalid(parameter, parameter + " takes UIDs (PS3.5 9.1) separated by"
                        + " commas (PS3.18 8.3.4.1), not \"" + uid + "\"");
            }
            uids.add(trimmed);
        }
        return uids.size() == 1 ? new Condition.Equal(uids.get(0), false) : new Condition.OneOf(uids);
    }

    // PS3.4 C.2.2.2.1, C.2.2.2.4: case-sensitive, except for PN
    private static Condition text(QidoAttribute.Matching matching, String value) {
        boolean ignoreCase = matching == QidoAttribute.Matching.PERSON_NAME;
        return value.indexOf('*') >= 0 || value.indexOf('?') >= 0
                ? new Condition.Wildcard(value, ignoreCase) : new Condition.Equal(value, ignoreCase);
    }

    // PS3.4 C.6.1.1.3: Modalities in Study matches a study with a series of any of the values
    private static Condition modalities(String value) {
        var each = new ArrayList<Condition>();
        for (String modality : LIST_SEPARATOR.split(value)) {
            if (!modality.isBlank()) {
                each.add(text(QidoAttribute.Matching.TEXT, modality.strip()));
            }
        }
        return each.size() == 1 ? each.get(0) : new Condition.AnyOf(each);
    }

    private static Condition range(QidoAttribute.Matching matching, String parameter, String value)
            throws InvalidSearchException {
        boolean time = matching == QidoAttribute.Matching.TIME;
        Matcher m = (time ? TIME_RANGE : DATE_RANGE).matcher(value);
        String form = time ? "HHMMSS.FFFFFF" : "YYYYMMDD";
        if (!m.matches() || m.group(1) == null && m.group(3) == null || m.group(2) == null && m.group(3) != null) {
            throw InvalidSearchException.invalid(parameter, parameter + " takes a " + (time ? "time" : "date")
                    + " or a range of them (PS3.4 C.2.2.2.5): " + form + ", " + form + "-, -" + form + " or "
                    + form + "-" + form + "; not \"" + value + "\"");
        }
        String lower = m.group(1);
        String upper = m.group(2) == null ? lower : m.group(3);
        if (!time) {
            checkDate(parameter, lower);
            checkDate(parameter, upper);
        }
        if (lower != null && upper != null && lower.compareTo(upper) > 0) {
            throw InvalidSearchException.invalid(parameter, parameter + " range \"" + value + "\" ends before it"
                    + " starts");
        }
        return m.group(2) == null ? new Condition.Equal(lower, false) : new Condition.Range(lower, upper, time);
    }

    private static void checkDate(String parameter, String date) throws InvalidSearchException {
        if (date == null) {
            return;
        }
        try {
            LocalDate.parse(date, DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            throw InvalidSearchException.invalid(parameter, parameter + ": " + date + " is no calendar date");
        }
    }

    private static Condition integer(String parameter, String value) throws InvalidSearchException {
        String trimmed = value.strip();
        if (!INTEGER.matcher(trimmed).matches()) {
            throw InvalidSearchException.invalid(parameter, parameter + " takes an integer (IS), not \"" + value
                    + "\"");
        }
        return new Condition.Equal(Long.toString(Long.parseLong(trimmed)), false);
    }
}
