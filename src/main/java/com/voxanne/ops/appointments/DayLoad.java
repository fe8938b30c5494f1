package com.voxanne.ops.appointments;

import java.time.LocalDate;

/** One day of the month grid: how many appointments it holds, by status. */
public record DayLoad(LocalDate day, int scheduled, int completed, int cancelled, int noShows) {

    public static DayLoad empty(LocalDate day) {
        return new DayLoad(day, 0, 0, 0, 0);
    }

    public int total() {
        return scheduled + completed + cancelled + noShows;
    }

    DayLoad plus(String status, int count) {
        return switch (status) {
            case "scheduled" -> new DayLoad(day, scheduled + count, completed, cancelled, noShows);
            case "completed" -> new DayLoad(day, scheduled, completed + count, cancelled, noShows);
            case "cancelled" -> new DayLoad(day, scheduled, completed, cancelled + count, noShows);
            case "no-show" -> new DayLoad(day, scheduled, completed, cancelled, noShows + count);
            default -> this;
        };
    }
}
