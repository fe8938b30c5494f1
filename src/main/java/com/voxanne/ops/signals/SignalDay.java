package com.voxanne.ops.signals;

import java.time.LocalDate;

/** How many calls of one day (the organization's) had one kind of signal: a bar of the sentiment workspace's signals chart. */
public record SignalDay(LocalDate day, String kind, long calls) {

    public SignalKind signalKind() {
        return SignalKind.byKey(kind).orElseThrow();
    }
}
