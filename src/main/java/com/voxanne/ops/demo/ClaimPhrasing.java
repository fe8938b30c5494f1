package com.voxanne.ops.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The agent's booking claim in the demo's transcripts, said in one of several ways that all name
 * the same day and time (docs/SIGNALS.md lists what the database understands), so the signals are
 * tested on varied words; now and then the agent names no time at all, a claim that cannot be
 * read and must never count as a mismatch.
 */
final class ClaimPhrasing {

    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEEE", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMMM", Locale.UK);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM", Locale.UK);
    private static final List<String> HOURS = List.of("twelve", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
            "ten", "eleven");

    private ClaimPhrasing() {
    }

    /** How many ways {@link #say} knows; a plan draws one of them. */
    static final int WAYS = 8;

    /**
     * The claim for a booking at {@code at} made on a call on {@code callDay}, in way {@code way}
     * (0 to {@link #WAYS} - 1). A way that cannot name this day truthfully ("tomorrow" for a day a
     * week on) falls back to the plain one. Way 7 names no time.
     */
    static String say(int way, LocalDate callDay, LocalDateTime at, String service) {
        long daysOn = ChronoUnit.DAYS.between(callDay, at.toLocalDate());
        List<String> ways = new ArrayList<>(List.of(
                "Lovely. You're booked in for " + service + " on " + DAY.format(at) + " at " + clock(at) + ". I'll send a confirmation by text.",
                "Perfect, I've put you down for " + WEEKDAY.format(at) + " the " + ordinal(at.getDayOfMonth()) + " at " + shortClock(at) + ".",
                "Great, that's confirmed for " + String.format(Locale.UK, "%02d:%02d", at.getHour(), at.getMinute()) + " on "
                        + DAY_MONTH.format(at) + ". You'll get a text too.",
                "Wonderful. See you on " + MONTH.format(at) + " " + ordinal(at.getDayOfMonth()) + " at " + clock(at) + "!"));
        ways.add(daysOn == 1 ? "You're all set for tomorrow at " + spoken(at) + ". We'll text you a reminder." : ways.get(0));
        ways.add(daysOn >= 1 && daysOn <= 7 ? "Right, I've booked you in for next " + WEEKDAY.format(at) + " at " + spoken(at) + "." : ways.get(1));
        ways.add((daysOn <= 7 ? WEEKDAY : DAY).format(at) + " at " + shortClock(at) + " it is, then. You're booked in.");
        ways.add("That's all done, you're booked in, and we'll text you the details.");
        return ways.get(Math.floorMod(way, WAYS));
    }

    private static String clock(LocalDateTime at) {
        int h = at.getHour() % 12 == 0 ? 12 : at.getHour() % 12;
        return String.format(Locale.UK, "%d:%02d %s", h, at.getMinute(), at.getHour() < 12 ? "am" : "pm");
    }

    private static String shortClock(LocalDateTime at) {
        int h = at.getHour() % 12 == 0 ? 12 : at.getHour() % 12;
        String suffix = at.getHour() < 12 ? "am" : "pm";
        return at.getMinute() == 0 ? h + suffix : String.format(Locale.UK, "%d:%02d%s", h, at.getMinute(), suffix);
    }

    /** "ten o'clock", "half past two": the demo's slots are on the hour or the half hour, 9 am to 5 pm. */
    private static String spoken(LocalDateTime at) {
        String hour = HOURS.get(at.getHour() % 12);
        return at.getMinute() == 30 ? "half past " + hour : at.getMinute() == 0 ? hour + " o'clock" : clock(at);
    }

    private static String ordinal(int day) {
        String suffix = day % 100 >= 11 && day % 100 <= 13 ? "th" : switch (day % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return day + suffix;
    }
}
