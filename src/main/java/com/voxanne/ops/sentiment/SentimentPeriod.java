package com.voxanne.ops.sentiment;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The days a supervisor looks at (inclusive, local) and how they are grouped: by day up to six
 * weeks, by week beyond, so a chart never has more than about 50 bars.
 */
public record SentimentPeriod(LocalDate from, LocalDate to) {

    public SentimentPeriod {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("The period ends before it starts.");
        }
    }

    public static SentimentPeriod lastDays(int days, LocalDate today) {
        return new SentimentPeriod(today.minusDays(days - 1L), today);
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    public boolean weekly() {
        return days() > 42;
    }

    public String bucket() {
        return weekly() ? "week" : "day";
    }

    /** The last day a bucket starting on {@code start} covers, clipped to the period. */
    public LocalDate bucketEnd(LocalDate start) {
        LocalDate end = weekly() ? start.plusDays(6) : start;
        return end.isAfter(to) ? to : end;
    }

    /** The period of the same length just before this one: what the headline numbers are compared with. */
    public SentimentPeriod previous() {
        return new SentimentPeriod(from.minusDays(days()), from.minusDays(1));
    }

    public java.time.Instant startInstant(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    public java.time.Instant endInstant(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
