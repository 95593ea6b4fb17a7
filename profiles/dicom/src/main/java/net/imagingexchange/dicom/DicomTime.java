// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;
import java.util.regex.Pattern;

/** DICOM DA, TM and Timezone Offset From UTC values (PS3.5 6.2, PS3.3 C.12.1.1.8), read leniently, written strictly. */
public final class DicomTime {

    private static final DateTimeFormatter DA = DateTimeFormatter.ofPattern("uuuuMMdd");
    private static final DateTimeFormatter TM = DateTimeFormatter.ofPattern("HHmmss");
    // HH[MM[SS[.F{1,6}]]], and the ACR-NEMA form HH:MM:SS that PS3.5 6.2 still asks readers to accept
    private static final Pattern TIME = Pattern.compile("(\\d{2})(?::?(\\d{2})(?::?(\\d{2})(?:\\.\\d{1,6})?)?)?");
    private static final Pattern OFFSET = Pattern.compile("([+-])(\\d{2})(\\d{2})");

    private DicomTime() {
    }

    /** A time of day read from TM, and how much of it was given. */
    public record Time(LocalTime time, ChronoUnit precision) {
    }

    /** {@code YYYYMMDD}. */
    public static String date(TemporalAccessor dateTime) {
        return DA.format(dateTime);
    }

    /** {@code HHMMSS}. */
    public static String time(TemporalAccessor dateTime) {
        return TM.format(dateTime);
    }

    /** A DA value ({@code YYYYMMDD}, or the ACR-NEMA {@code YYYY.MM.DD}), or empty when it is not one. */
    public static Optional<LocalDate> parseDate(String da) {
        String digits = da == null ? "" : da.strip().replace(".", "");
        if (digits.length() != 8) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(digits, DA));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A TM value to the precision given (fractions of a second dropped), or empty when it is not one. */
    public static Optional<Time> parseTime(String tm) {
        var matcher = TIME.matcher(tm == null ? "" : tm.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            int hour = Integer.parseInt(matcher.group(1));
            if (matcher.group(2) == null) {
                return Optional.of(new Time(LocalTime.of(hour, 0), ChronoUnit.HOURS));
            }
            int minute = Integer.parseInt(matcher.group(2));
            if (matcher.group(3) == null) {
                return Optional.of(new Time(LocalTime.of(hour, minute), ChronoUnit.MINUTES));
            }
            // PS3.5 6.2: SS may be 60 for a leap second, which LocalTime cannot hold
            int second = Math.min(59, Integer.parseInt(matcher.group(3)));
            return Optional.of(new Time(LocalTime.of(hour, minute, second), ChronoUnit.SECONDS));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A Timezone Offset From UTC value ({@code &ZZXX}), or empty when it is not one. */
    public static Optional<ZoneOffset> parseOffset(String zzxx) {
        var matcher = OFFSET.matcher(zzxx == null ? "" : zzxx.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            int hours = Integer.parseInt(matcher.group(2));
            int minutes = Integer.parseInt(matcher.group(3));
            int sign = matcher.group(1).equals("-") ? -1 : 1;
            return Optional.of(ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
