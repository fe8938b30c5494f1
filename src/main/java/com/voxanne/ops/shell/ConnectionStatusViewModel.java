package com.voxanne.ops.shell;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the database answers. A check that fails, or two in a row that take longer than two
 * seconds, turn the banner on; the first check that succeeds again turns it off and refreshes
 * what is on screen. What was loaded stays readable in between: nothing is cleared while offline.
 */
public final class ConnectionStatusViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionStatusViewModel.class);

    /** How often the shell asks: a stopped server shows as a banner about a second later. */
    public static final java.time.Duration HEARTBEAT = java.time.Duration.ofSeconds(1);
    private static final long SLOW_MS = 2_000;

    private final ReadOnlyBooleanWrapper online = new ReadOnlyBooleanWrapper(this, "online", true);
    private final ConnectionCheck check;
    private final Executor background;
    private final Executor fx;
    private final Runnable onReconnect;
    private volatile boolean checking;
    private int slowInARow;

    public ConnectionStatusViewModel(ConnectionCheck check, Executor background, Executor fx, Runnable onReconnect) {
        this.check = check;
        this.background = background;
        this.fx = fx;
        this.onReconnect = onReconnect;
    }

    /**
     * One check; called every {@link #HEARTBEAT} by the shell's scheduler. A check still running is
     * not doubled. The future completes when the answer (or its two-second limit) has been applied.
     */
    public CompletableFuture<Void> checkNow() {
        if (checking) {
            return CompletableFuture.completedFuture(null);
        }
        checking = true;
        return CompletableFuture.supplyAsync(() -> check.reachable() ? Answer.ANSWERED : Answer.REFUSED, background)
                .completeOnTimeout(Answer.SLOW, SLOW_MS, TimeUnit.MILLISECONDS)
                .<Void>handleAsync((answer, failure) -> {
                    checking = false;
                    apply(failure == null ? answer : Answer.REFUSED);
                    return null;
                }, fx);
    }

    /**
     * A refusal (the server is gone, the connection broke) turns the banner on at once. A slow
     * answer alone may be a busy machine: only the second in a row does, so a loaded computer does
     * not flash the banner and reload what the person is reading.
     */
    private void apply(Answer answer) {
        slowInARow = answer == Answer.SLOW ? slowInARow + 1 : 0;
        boolean now = answer == Answer.ANSWERED || (answer == Answer.SLOW && slowInARow < 2 && online.get());
        boolean was = online.get();
        online.set(now);
        if (now != was) {
            LOG.info(now ? "The database answers again" : "The database does not answer ({})", answer);
        }
        if (now && !was) {
            onReconnect.run();
        }
    }

    private enum Answer { ANSWERED, REFUSED, SLOW }

    public ReadOnlyBooleanProperty onlineProperty() {
        return online.getReadOnlyProperty();
    }
}
