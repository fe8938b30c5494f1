package com.voxanne.ops.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * What the live floor's parts (the demo's calls, the change feed, the call log's merge) log while a
 * window test runs, kept in memory at DEBUG, so that a test waiting for a live call can say what
 * did and did not arrive instead of only "timeout".
 */
final class LiveLog {

    private static final List<String> LOGGERS = List.of("com.voxanne.ops.demo.DemoTraffic", "com.voxanne.ops.live.ChangeFeed",
            "com.voxanne.ops.calls.CallsViewModel");

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Map<Logger, Level> levels = new HashMap<>();

    void start() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        appender.setContext(context);
        appender.start();
        for (String name : LOGGERS) {
            Logger logger = context.getLogger(name);
            levels.put(logger, logger.getLevel());
            logger.setLevel(Level.DEBUG);
            logger.addAppender(appender);
        }
    }

    void stop() {
        levels.forEach((logger, level) -> {
            logger.detachAppender(appender);
            logger.setLevel(level);
        });
        levels.clear();
        appender.stop();
    }

    /** How many demo calls started, how many live merges ran, warnings, and the last few lines. */
    String summary() {
        List<ILoggingEvent> events;
        synchronized (appender) {
            events = new ArrayList<>(appender.list);
        }
        long started = events.stream().filter(e -> e.getFormattedMessage().startsWith("Demo call ")).count();
        long merged = events.stream().filter(e -> e.getFormattedMessage().startsWith("Live calls:")).count();
        List<String> notable = events.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO)
                || e.getFormattedMessage().startsWith("Live calls:")).map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
        return started + " demo calls started, " + merged + " live merges; last: "
                + String.join(" | ", notable.subList(Math.max(0, notable.size() - 6), notable.size()));
    }
}
