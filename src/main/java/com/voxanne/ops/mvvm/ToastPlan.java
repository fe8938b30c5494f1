package com.voxanne.ops.mvvm;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * When a new alert may show a pop-up, and what it says: a burst of alerts becomes one pop-up
 * ("3 new alerts"), a pop-up on screen counts on instead of another stacking on it, and after one
 * has gone the next waits out a quiet gap, gathering what arrives meanwhile. A live floor raising
 * an alert every few seconds then shows a pop-up at most every {@code gap}, never a pile of them.
 *
 * <p>Pure bookkeeping over the times it is given, so it is tested without a window or a clock.
 *
 * @param <A> what is announced (an alert)
 */
public final class ToastPlan<A> {

    /** What to do with the pop-up now. */
    public sealed interface Step<A> {
        /** Show (or update, when one is on screen) a pop-up for these, newest last. */
        record Show<A>(List<A> items) implements Step<A> { }

        /** Nothing yet: ask again ({@link #due}) at this time, when the quiet gap is over. */
        record WaitUntil<A>(Instant at) implements Step<A> { }
    }

    private final Duration gap;
    private final List<A> onScreen = new ArrayList<>();
    private final List<A> waiting = new ArrayList<>();
    private Instant quietUntil = Instant.MIN;
    private boolean showing;

    /** @param gap how long after a pop-up has gone the next one waits */
    public ToastPlan(Duration gap) {
        this.gap = gap;
    }

    /** A new alert arrived at {@code now}. */
    public Step<A> arrived(A item, Instant now) {
        if (showing) {
            onScreen.add(item);
            return new Step.Show<>(List.copyOf(onScreen));
        }
        waiting.add(item);
        return due(now);
    }

    /** The time asked for by {@link Step.WaitUntil} has come (or any time): shows what waited once the gap is over. */
    public Step<A> due(Instant now) {
        if (showing || waiting.isEmpty()) {
            return new Step.Show<>(List.copyOf(onScreen));
        }
        if (now.isBefore(quietUntil)) {
            return new Step.WaitUntil<>(quietUntil);
        }
        showing = true;
        onScreen.clear();
        onScreen.addAll(waiting);
        waiting.clear();
        return new Step.Show<>(List.copyOf(onScreen));
    }

    /** The pop-up went (timed out or closed by the person) at {@code now}. */
    public void hidden(Instant now) {
        showing = false;
        onScreen.clear();
        quietUntil = now.plus(gap);
    }

    public boolean showing() {
        return showing;
    }
}
