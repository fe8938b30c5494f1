package com.voxanne.ops.mvvm;

import com.voxanne.ops.base.UserFacingException;
import com.voxanne.ops.db.SqlErrors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * Runs blocking work on the background executor and hands the result (or the failure, unwrapped)
 * back on the JavaFX executor. View models use it for every database call.
 */
public record BackgroundWork(Executor background, Executor fx) {

    public <T> void run(Supplier<T> work, BiConsumer<T, Throwable> done) {
        try {
            CompletableFuture.supplyAsync(work, background).whenCompleteAsync((result, failure) -> done.accept(result, unwrap(failure)), fx);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // The console is closing (its executors are shut down): late work, say a live change, has nowhere to go.
            org.slf4j.LoggerFactory.getLogger(BackgroundWork.class).debug("Work after shutdown dropped", e);
        }
    }

    /** The one sentence a person reads for a failure; anything unexpected also goes to the log. */
    public static String sentence(Throwable failure, Logger log, String what) {
        if (failure instanceof UserFacingException) {
            return failure.getMessage();
        }
        log.warn("{} failed", what, failure);
        return SqlErrors.describe(failure, "the server");
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
