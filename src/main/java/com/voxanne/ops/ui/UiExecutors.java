package com.voxanne.ops.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Executor;
import javafx.application.Platform;

/**
 * The console's two executors: one background thread pool for everything that waits on the
 * database, the disk or the network, and the JavaFX thread for results. View models receive both
 * through their constructor; tests pass {@code Runnable::run} for each.
 */
public record UiExecutors(ExecutorService background, Executor fx) {

    public static UiExecutors forApplication() {
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "voxconsole-background");
            t.setDaemon(true);
            return t;
        });
        return new UiExecutors(pool, Platform::runLater);
    }
}
