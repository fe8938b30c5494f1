package com.voxanne.ops.ui;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How calls read on screen: local times, m:ss durations, grouped phone numbers. */
public final class CallFormats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK);

    private CallFormats() {
    }

    public static String time(Instant instant, ZoneId zone) {
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);

    /** "Fri 4 Dec": a day, as links and chips name it. */
    public static String day(Instant instant, ZoneId zone) {
        return instant == null ? "" : DAY.format(instant.atZone(zone));
    }

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.UK);
    private static final DateTimeFormatter SHORT_WITH_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    /** For the log: "24 Nov 14:03" this year, "24 Nov 2025" before. */
    public static String shortTime(Instant instant, ZoneId zone) {
        if (instant == null) {
            return "";
        }
        var local = instant.atZone(zone);
        return local.getYear() == java.time.Year.now(zone).getValue() ? SHORT.format(local) : SHORT_WITH_YEAR.format(local);
    }

    public static String duration(Integer seconds) {
        if (seconds == null) {
            return "";
        }
        return seconds >= 3600 ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    public static String score(BigDecimal score) {
        return score == null ? "" : String.format(Locale.ROOT, "%.2f", score);
    }

    /** +447700900123 reads as +44 7700 900123; other countries keep the E.164 form, which is unambiguous. */
    public static String phone(String e164) {
        if (e164 == null) {
            return "";
        }
        if (e164.startsWith("+447") && e164.length() == 13) {
            return "+44 " + e164.substring(3, 7) + " " + e164.substring(7);
        }
        if (e164.startsWith("+4420") && e164.length() == 13) {
            return "+44 20 " + e164.substring(5, 9) + " " + e164.substring(9);
        }
        if (e164.startsWith("+1") && e164.length() == 12) {
            return "+1 " + e164.substring(2, 5) + " " + e164.substring(5, 8) + " " + e164.substring(8);
        }
        return e164;
    }

    public static String label(String value) {
        return value == null ? "" : value.replace('_', ' ');
    }

    /** A caller's name, or "Unknown caller" when the platform has none (null, or an empty name), the same everywhere. */
    public static String who(String name) {
        return name == null || name.isBlank() ? "Unknown caller" : name;
    }
}
