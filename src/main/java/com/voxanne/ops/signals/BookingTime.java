package com.voxanne.ops.signals;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The day and time a voice agent said a booking is for, read from its words against the day of
 * the call (in the organization's time zone), for issue 16's {@code booking_mismatch}. What it
 * understands, and nothing else (a claim it cannot read is unreadable, never a match):
 *
 * <ul>
 *   <li>days: "today", "tomorrow", "Tuesday" (the next one after the call's day, or the call's
 *       day itself), "next Tuesday" (the same), "Tuesday the 8th", "Tuesday 8 December",
 *       "8 December", "the 8th of December", "December 8th" (the next such date on or after the
 *       call's day);</li>
 *   <li>times: "3pm", "3 pm", "3:30pm", "3.30 pm", "15:00", "10 am", "noon", "midday", "half past
 *       two", "quarter past ten", "quarter to four", "ten o'clock", "at 10" (a bare hour from 1 to
 *       7 is afternoon, 8 to 12 morning, as a clinic's or an office's day runs).</li>
 * </ul>
 */
final class BookingTime {

    private static final Map<String, DayOfWeek> WEEKDAYS = Map.of("monday", DayOfWeek.MONDAY, "tuesday", DayOfWeek.TUESDAY,
            "wednesday", DayOfWeek.WEDNESDAY, "thursday", DayOfWeek.THURSDAY, "friday", DayOfWeek.FRIDAY, "saturday", DayOfWeek.SATURDAY,
            "sunday", DayOfWeek.SUNDAY);
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12));
    private static final String MONTHS = "(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr"
            + "|jun|jul|aug|sep|sept|oct|nov|dec)";
    private static final String WEEKDAY = "(monday|tuesday|wednesday|thursday|friday|saturday|sunday)";

    private static final Pattern DAY_MONTH = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)?(?: of)? " + MONTHS + "\\b");
    private static final Pattern MONTH_DAY = Pattern.compile("\\b" + MONTHS + " (\\d{1,2})(?:st|nd|rd|th)?\\b");
    private static final Pattern WEEKDAY_ORDINAL = Pattern.compile("\\b" + WEEKDAY + " the (\\d{1,2})(?:st|nd|rd|th)\\b");
    private static final Pattern WEEKDAY_ONLY = Pattern.compile("\\b(?:(next|this) )?" + WEEKDAY + "\\b");
    private static final Pattern CLOCK = Pattern.compile("\\b(\\d{1,2})(?:[:.](\\d{2}))? ?(am|pm|a\\.m\\.|p\\.m\\.)");
    private static final Pattern TWENTY_FOUR = Pattern.compile("\\b([01]?\\d|2[0-3]):([0-5]\\d)\\b");
    private static final Pattern WORDS = Pattern.compile("\\b(half past|quarter past|quarter to) (\\w+)\\b");
    private static final Pattern OCLOCK = Pattern.compile("\\b(\\w+) o'?clock\\b");
    private static final Pattern BARE_HOUR = Pattern.compile("\\bat (\\d{1,2})\\b(?![:.]\\d)");

    private BookingTime() {
    }

    /** The day and time said in {@code words}, read against {@code callDay}; empty when either cannot be read. */
    static Optional<LocalDateTime> read(String words, LocalDate callDay) {
        String text = words.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        Optional<LocalDate> day = day(text, callDay);
        Optional<LocalTime> time = time(text);
        return day.isPresent() && time.isPresent() ? Optional.of(LocalDateTime.of(day.get(), time.get())) : Optional.empty();
    }

    static Optional<LocalDate> day(String text, LocalDate callDay) {
        Matcher m = DAY_MONTH.matcher(text);
        if (m.find()) {
            return nextDate(callDay, month(m.group(2)), Integer.parseInt(m.group(1)));
        }
        m = MONTH_DAY.matcher(text);
        if (m.find()) {
            return nextDate(callDay, month(m.group(1)), Integer.parseInt(m.group(2)));
        }
        m = WEEKDAY_ORDINAL.matcher(text);
        if (m.find()) {
            // "Tuesday the 8th": the next 8th on or after the call that is a Tuesday (within a year).
            DayOfWeek weekday = WEEKDAYS.get(m.group(1));
            int dayOfMonth = Integer.parseInt(m.group(2));
            for (LocalDate d = callDay; d.isBefore(callDay.plusYears(1)); d = d.plusDays(1)) {
                if (d.getDayOfMonth() == dayOfMonth && d.getDayOfWeek() == weekday) {
                    return Optional.of(d);
                }
            }
            return Optional.empty();
        }
        if (text.contains("day after tomorrow")) {
            return Optional.of(callDay.plusDays(2));
        }
        if (text.matches("(?s).*\\btomorrow\\b.*")) {
            return Optional.of(callDay.plusDays(1));
        }
        if (text.matches("(?s).*\\b(today|this (morning|afternoon|evening))\\b.*")) {
            return Optional.of(callDay);
        }
        m = WEEKDAY_ONLY.matcher(text);
        if (m.find()) {
            DayOfWeek weekday = WEEKDAYS.get(m.group(2));
            // "Tuesday" on a Tuesday's call means a week on; "next Tuesday" the same (the one to come, never today).
            return Optional.of(callDay.with(TemporalAdjusters.next(weekday)));
        }
        return Optional.empty();
    }

    static Optional<LocalTime> time(String text) {
        if (text.matches("(?s).*\\b(noon|midday)\\b.*")) {
            return Optional.of(LocalTime.NOON);
        }
        Matcher m = CLOCK.matcher(text);
        if (m.find()) {
            int hour = Integer.parseInt(m.group(1));
            int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
            boolean pm = m.group(3).startsWith("p");
            if (hour < 1 || hour > 12 || minute > 59) {
                return Optional.empty();
            }
            return Optional.of(LocalTime.of(hour % 12 + (pm ? 12 : 0), minute));
        }
        m = TWENTY_FOUR.matcher(text);
        if (m.find()) {
            return Optional.of(LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        }
        m = WORDS.matcher(text);
        if (m.find()) {
            Optional<Integer> hour = hour(m.group(2));
            if (hour.isEmpty()) {
                return Optional.empty();
            }
            LocalTime on = workingHour(hour.get());
            return Optional.of(switch (m.group(1)) {
                case "half past" -> on.plusMinutes(30);
                case "quarter past" -> on.plusMinutes(15);
                default -> on.minusMinutes(15);
            });
        }
        m = OCLOCK.matcher(text);
        if (m.find()) {
            return hour(m.group(1)).map(BookingTime::workingHour);
        }
        m = BARE_HOUR.matcher(text);
        if (m.find()) {
            int hour = Integer.parseInt(m.group(1));
            return hour >= 1 && hour <= 12 ? Optional.of(workingHour(hour)) : Optional.empty();
        }
        return Optional.empty();
    }

    /** A bare hour as a working day has it: 8 to 12 in the morning (12 is noon), 1 to 7 in the afternoon. */
    private static LocalTime workingHour(int hour) {
        return LocalTime.of(hour >= 8 ? hour % 24 : hour + 12, 0);
    }

    private static Optional<Integer> hour(String word) {
        if (word.matches("\\d{1,2}")) {
            int h = Integer.parseInt(word);
            return h >= 1 && h <= 12 ? Optional.of(h) : Optional.empty();
        }
        return Optional.ofNullable(NUMBERS.get(word));
    }

    private static Month month(String name) {
        for (Month m : Month.values()) {
            if (m.name().toLowerCase(Locale.ROOT).startsWith(name.substring(0, 3))) {
                return m;
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** The next {@code month}/{@code day} on or after the call (a booking is never before its call). */
    private static Optional<LocalDate> nextDate(LocalDate callDay, Month month, int day) {
        for (int year = callDay.getYear(); year <= callDay.getYear() + 1; year++) {
            if (day >= 1 && day <= month.length(java.time.Year.isLeap(year))) {
                LocalDate d = LocalDate.of(year, month, day);
                if (!d.isBefore(callDay)) {
                    return Optional.of(d);
                }
            }
        }
        return Optional.empty();
    }
}
