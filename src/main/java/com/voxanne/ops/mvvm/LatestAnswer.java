package com.voxanne.ops.mvvm;

import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * One question whose newest answer is the only one that counts, such as "the selected call's
 * details": each {@link #ask} supersedes the ones before, and their late answers are dropped, so a
 * slow read for a row the person has left never overwrites the row they are on. Used on the
 * JavaFX thread only.
 */
public final class LatestAnswer {

    private final BackgroundWork work;
    private long asked;

    public LatestAnswer(BackgroundWork work) {
        this.work = work;
    }

    /** Runs {@code job} in the background and hands its outcome to {@code then} only if nothing was asked since. */
    public <T> void ask(Supplier<T> job, BiConsumer<T, Throwable> then) {
        long mine = ++asked;
        work.run(job, (result, failure) -> {
            if (mine == asked) {
                then.accept(result, failure);
            }
        });
    }

    /**
     * Runs {@code job} beside the newest question without superseding it (a live update of what it
     * answered); its outcome is dropped if a question is asked before it arrives.
     */
    public <T> void alongside(Supplier<T> job, BiConsumer<T, Throwable> then) {
        long current = asked;
        work.run(job, (result, failure) -> {
            if (current == asked) {
                then.accept(result, failure);
            }
        });
    }

    /** Drops the answers still on their way, for example when the question no longer has a subject. */
    public void forget() {
        asked++;
    }
}
