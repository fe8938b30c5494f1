package com.voxanne.ops.mvvm;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import javafx.application.Platform;

/**
 * The console's executors: one background thread pool for everything that waits on the database,
 * the disk or the network, the JavaFX thread for results, and a scheduler for the connection heartbeat. View models receive both
 * through their constructor; tests pass {@code Runnable::run} for each.
 */
public record UiExecutors(ExecutorService background, Executor fx, ScheduledExecutorService scheduler) {

    public static UiExecutors forApplication() {
        ExecutorService pool = Executors.newFixedThreadPool(3, daemon("voxconsole-background"));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemon("voxconsole-heartbeat"));
        return new UiExecutors(pool, Platform::runLater, scheduler);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
