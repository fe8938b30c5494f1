package com.voxanne.ops.shell;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Whether the database answers. A check that fails or takes longer than two seconds turns the
 * banner on; the first check that succeeds again turns it off and refreshes what is on screen.
 * What was loaded stays readable in between: nothing is cleared while offline.
 */
public final class ConnectionStatusViewModel {

    /** How often the shell asks: a stopped server shows as a banner about a second later. */
    public static final java.time.Duration HEARTBEAT = java.time.Duration.ofSeconds(1);
    private static final long SLOW_MS = 2_000;

    private final ReadOnlyBooleanWrapper online = new ReadOnlyBooleanWrapper(this, "online", true);
    private final ConnectionCheck check;
    private final Executor background;
    private final Executor fx;
    private final Runnable onReconnect;
    private volatile boolean checking;

    public ConnectionStatusViewModel(ConnectionCheck check, Executor background, Executor fx, Runnable onReconnect) {
        this.check = check;
        this.background = background;
        this.fx = fx;
        this.onReconnect = onReconnect;
    }

    /** One check; called every {@link #HEARTBEAT} by the shell's scheduler. A check still running is not doubled. */
    public void checkNow() {
        if (checking) {
            return;
        }
        checking = true;
        CompletableFuture.supplyAsync(check::reachable, background)
                .completeOnTimeout(false, SLOW_MS, TimeUnit.MILLISECONDS)
                .whenCompleteAsync((reachable, failure) -> {
                    checking = false;
                    boolean now = failure == null && Boolean.TRUE.equals(reachable);
                    boolean was = online.get();
                    online.set(now);
                    if (now && !was) {
                        onReconnect.run();
                    }
                }, fx);
    }

    public ReadOnlyBooleanProperty onlineProperty() {
        return online.getReadOnlyProperty();
    }
}
