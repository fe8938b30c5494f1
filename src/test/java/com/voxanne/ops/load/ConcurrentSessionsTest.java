package com.voxanne.ops.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.calls.CallFilter;
import com.voxanne.ops.calls.CallLogService;
import com.voxanne.ops.calls.CallSummary;
import com.voxanne.ops.calls.CallsViewModel;
import com.voxanne.ops.db.ConnectionSettings;
import com.voxanne.ops.db.ConsoleDatabase;
import com.voxanne.ops.live.Change;
import com.voxanne.ops.live.ChangeFeed;
import com.voxanne.ops.embedded.EmbeddedServer;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Several consoles at once: 20 sessions (view models without UI, each with its own pool, live feed
 * and "JavaFX thread") page, search and watch the log of their organization while a writer inserts
 * 50 calls a second over all organizations for a minute. Every session must be told of every call
 * of its organization exactly once and of none of another's; the logs of the sessions watching the
 * newest calls must hold each of them exactly once, and no log may ever hold a duplicate or a call
 * of another organization.
 */
class ConcurrentSessionsTest {

    private static final int SESSIONS = 20;
    private static final int CALLS_PER_SECOND = 50;
    private static final Duration WRITING = Duration.ofSeconds(Long.getLong("voxconsole.load.seconds", 60));
    private static final String CALLER = "Load Test Caller";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** One simulated console: its own pool, feed, JavaFX-like thread and call log. */
    private static final class Session implements AutoCloseable {
        final int number;
        final UUID org;
        final String behaviour;
        final ConsoleDatabase db;
        final ChangeFeed feed;
        final ExecutorService fx;
        final CallsViewModel log;
        final Map<UUID, AtomicInteger> announced = new ConcurrentHashMap<>();
        final Map<UUID, Long> announcedAt = new ConcurrentHashMap<>();
        final List<String> problems = Collections.synchronizedList(new ArrayList<>());

        Session(int number, EmbeddedServer.DemoLogin login, UUID org, String behaviour, ExecutorService background) {
            this.number = number;
            this.org = org;
            this.behaviour = behaviour;
            this.db = ConsoleDatabase.open(new ConnectionSettings(TestWorkspace.get().jdbcUrl(), login.loginRole()), login.password().toCharArray(),
                    "load-" + number);
            this.fx = Executors.newSingleThreadExecutor(r -> new Thread(r, "load-fx-" + number));
            this.log = new CallsViewModel(new CallLogService(db.jdbi()), background, fx, org, LONDON);
            this.feed = new ChangeFeed(() -> db.openDedicated("voxconsole-load-" + number));
            feed.subscribe(Set.of("calls"), changes -> {
                long now = System.nanoTime();
                for (Change c : changes) {
                    if (c.op() == 'I') {
                        c.ids().forEach(id -> {
                            announced.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                            announcedAt.putIfAbsent(id, now);
                        });
                    }
                }
                fx.execute(() -> {
                    log.onChanges(changes);
                    checkLog();
                });
            });
            log.errorProperty().addListener((obs, was, now) -> {
                if (!now.isEmpty()) {
                    problems.add("session " + number + ": " + now);
                }
            });
        }

        /** On the session's own thread: the log never holds a call twice. */
        void checkLog() {
            Set<UUID> seen = new HashSet<>();
            for (CallSummary row : log.rows()) {
                if (!seen.add(row.id())) {
                    problems.add("session " + number + " shows call " + row.id() + " twice");
                }
            }
        }

        void act(Random random) {
            fx.execute(() -> {
                switch (behaviour) {
                    case "watcher" -> {
                        // Looks at the newest calls, now and then searches and comes back.
                        if (log.filterProperty().get().equals(CallFilter.NONE) && random.nextInt(6) == 0) {
                            log.apply(CallFilter.NONE.withText(random.nextBoolean() ? "appointment" : "refund"));
                        } else if (!log.filterProperty().get().equals(CallFilter.NONE)) {
                            log.back();
                        }
                    }
                    case "pager" -> {
                        if (random.nextInt(8) == 0) {
                            log.refresh();
                        } else {
                            log.loadMore();
                        }
                    }
                    default -> {
                        if (log.filterProperty().get().equals(CallFilter.NONE)) {
                            log.apply(random.nextBoolean() ? CallFilter.NONE.withText(List.of("booking", "cancel", "price", "pain").get(random.nextInt(4)))
                                    : CallFilter.NONE.withDirections(Set.of(random.nextBoolean() ? "inbound" : "outbound")));
                        } else {
                            log.back();
                        }
                    }
                }
                checkLog();
            });
        }

        /** Back to the unfiltered log, on the session's thread. */
        void settle() {
            fx.execute(() -> {
                while (!log.filterProperty().get().equals(CallFilter.NONE) && log.canGoBack().get()) {
                    log.back();
                }
                if (!log.filterProperty().get().equals(CallFilter.NONE)) {
                    log.apply(CallFilter.NONE);
                }
            });
        }

        <T> T onThread(java.util.concurrent.Callable<T> read) throws Exception {
            return fx.submit(read).get(30, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            feed.close();
            fx.shutdownNow();
            db.close();
        }
    }

    @Test
    void twentySessionsSeeEveryCallOfTheirOrganizationOnceWhileFiftyCallsASecondArrive() throws Exception {
        Jdbi owner = TestWorkspace.owner();
        List<EmbeddedServer.DemoLogin> logins = TestWorkspace.demoLogins();
        Map<String, UUID> orgIds = new HashMap<>();
        logins.forEach(l -> orgIds.computeIfAbsent(l.organization(), TestWorkspace::orgId));
        List<UUID> allOrgs = owner.withHandle(h -> h.createQuery("select id from organizations order by name").mapTo(UUID.class).list());
        ExecutorService background = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "load-background");
            t.setDaemon(true);
            return t;
        });
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
        List<Session> sessions = new ArrayList<>();
        Map<UUID, UUID> written = new ConcurrentHashMap<>();
        Map<UUID, Long> committedAt = new ConcurrentHashMap<>();
        try {
            for (int i = 0; i < SESSIONS; i++) {
                EmbeddedServer.DemoLogin login = logins.get(i % logins.size());
                Session s = new Session(i, login, orgIds.get(login.organization()), List.of("watcher", "pager", "searcher").get(i % 3), background);
                sessions.add(s);
                s.feed.start();
                s.fx.execute(s.log::refresh);
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!sessions.stream().allMatch(s -> s.feed.connected())) {
                assertThat(System.nanoTime()).as("every feed listens").isLessThan(until);
                Thread.sleep(50);
            }

            // The writer: one call per statement, as the platform writes them, round-robin over every organization.
            AtomicInteger n = new AtomicInteger();
            long started = System.nanoTime();
            var writer = clock.scheduleAtFixedRate(() -> {
                UUID org = allOrgs.get(n.getAndIncrement() % allOrgs.size());
                UUID id = owner.withHandle(h -> h.createQuery("""
                                insert into calls (org_id, call_direction, from_number, to_number, status, caller_name, duration_seconds)
                                values (:o, 'inbound', '+447700900555', '+442079460000', 'completed', :c, 60) returning id""")
                        .bind("o", org).bind("c", CALLER).mapTo(UUID.class).one());
                committedAt.put(id, System.nanoTime());
                written.put(id, org);
            }, 0, 1000 / CALLS_PER_SECOND, TimeUnit.MILLISECONDS);
            Random random = new Random(42);
            var activity = clock.scheduleAtFixedRate(() -> sessions.get(random.nextInt(SESSIONS)).act(random), 0, 25, TimeUnit.MILLISECONDS);

            Thread.sleep(WRITING.toMillis());
            writer.cancel(false);
            activity.cancel(false);
            double seconds = (System.nanoTime() - started) / 1e9;
            sessions.forEach(Session::settle);

            // Every session hears of every call of its organization, once.
            for (Session s : sessions) {
                Set<UUID> expected = idsOf(written, s.org);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!s.announced.keySet().containsAll(expected) && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
            }
            Thread.sleep(2_000);
            List<Long> latencies = new ArrayList<>();
            int watchersChecked = 0;
            for (Session s : sessions) {
                Set<UUID> own = idsOf(written, s.org);
                Set<UUID> others = new HashSet<>(written.keySet());
                others.removeAll(own);
                assertThat(s.announced.keySet()).as("session %d is told of its organization's calls", s.number).containsAll(own);
                assertThat(s.announced.keySet()).as("session %d is told of no other organization's calls", s.number).doesNotContainAnyElementsOf(others);
                assertThat(s.announced.entrySet().stream().filter(e -> own.contains(e.getKey()) && e.getValue().get() != 1).map(Map.Entry::getKey).toList())
                        .as("session %d is told of each exactly once", s.number).isEmpty();
                own.forEach(id -> latencies.add(s.announcedAt.get(id) - committedAt.get(id)));

                Set<UUID> ownAll = new HashSet<>(owner.withHandle(h -> h.createQuery("select id from calls where org_id = :o").bind("o", s.org)
                        .mapTo(UUID.class).list()));
                List<CallSummary> rows = s.onThread(() -> List.copyOf(s.log.rows()));
                List<UUID> shown = rows.stream().map(CallSummary::id).toList();
                assertThat(shown).as("session %d's log holds no call twice", s.number).doesNotHaveDuplicates();
                assertThat(ownAll).as("session %d's log holds only its organization's calls", s.number).containsAll(shown);
                if (s.onThread(() -> s.log.filterProperty().get().equals(CallFilter.NONE) && s.log.atHeadProperty().get()) && !rows.isEmpty()) {
                    // At the newest calls the log reaches down to its last loaded row: every new call above that row must be in it.
                    CallSummary last = rows.get(rows.size() - 1);
                    List<UUID> above = owner.withHandle(h -> h.createQuery("""
                                    select id from calls where org_id = :o and caller_name = :c and (created_at, id) >= (:at, :id)""")
                            .bind("o", s.org).bind("c", CALLER).bind("at", last.createdAt()).bind("id", last.id()).mapTo(UUID.class).list());
                    assertThat(above).as("new calls the log reaches").isNotEmpty();
                    assertThat(shown).as("session %d, at the newest calls, shows each new call down to its last row", s.number).containsAll(above);
                    watchersChecked++;
                }
                assertThat(s.problems).as("session %d", s.number).isEmpty();
            }
            assertThat(watchersChecked).as("sessions whose log was checked call by call").isGreaterThanOrEqualTo(SESSIONS / 2);
            Collections.sort(latencies);
            System.out.printf("load: %d sessions (%d logins, 2 organizations) paging, searching and watching; writer %.1f calls/s for %.0f s"
                            + " (%,d calls over %d organizations); each session told of each of its organization's calls exactly once and of"
                            + " none of another's; %d logs checked call by call; announcement after commit p50 %.0f ms, p95 %.0f ms, max %.0f ms%n",
                    SESSIONS, logins.size(), written.size() / seconds, seconds, written.size(), allOrgs.size(), watchersChecked,
                    latencies.get(latencies.size() / 2) / 1e6, latencies.get(latencies.size() * 95 / 100) / 1e6, latencies.get(latencies.size() - 1) / 1e6);
        } finally {
            clock.shutdownNow();
            sessions.forEach(Session::close);
            background.shutdownNow();
            owner.useHandle(h -> h.createUpdate("delete from calls where caller_name = :c").bind("c", CALLER).execute());
        }
    }

    private static Set<UUID> idsOf(Map<UUID, UUID> written, UUID org) {
        Set<UUID> ids = new HashSet<>();
        written.forEach((id, o) -> {
            if (o.equals(org)) {
                ids.add(id);
            }
        });
        return ids;
    }
}
