package com.voxanne.ops.appointments;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** How much of the calendar the agenda shows at once. */
public enum CalendarSpan {
    DAY, WEEK, MONTH;

    private static final DateTimeFormatter DAY_TITLE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.UK);
    private static final DateTimeFormatter MONTH_TITLE = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    /** First day shown for an anchor day (weeks start on Monday). */
    public LocalDate start(LocalDate anchor) {
        return switch (this) {
            case DAY -> anchor;
            case WEEK -> anchor.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> anchor.withDayOfMonth(1);
        };
    }

    /** The day after the last one shown. */
    public LocalDate end(LocalDate anchor) {
        return switch (this) {
            case DAY -> anchor.plusDays(1);
            case WEEK -> start(anchor).plusWeeks(1);
            case MONTH -> start(anchor).plusMonths(1);
        };
    }

    public LocalDate step(LocalDate anchor, int direction) {
        return switch (this) {
            case DAY -> anchor.plusDays(direction);
            case WEEK -> anchor.plusWeeks(direction);
            case MONTH -> anchor.plusMonths(direction);
        };
    }

    public String title(LocalDate anchor) {
        return switch (this) {
            case DAY -> DAY_TITLE.format(anchor);
            case WEEK -> "Week of " + SHORT.format(start(anchor)) + " – " + SHORT.format(end(anchor).minusDays(1)) + " " + end(anchor).minusDays(1).getYear();
            case MONTH -> MONTH_TITLE.format(anchor);
        };
    }
}
