package com.voxanne.ops.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.calls.CallFilter;
import com.voxanne.ops.calls.CallLogService;
import com.voxanne.ops.calls.CallsViewModel;
import com.voxanne.ops.records.Contact;
import com.voxanne.ops.contacts.ContactService;
import com.voxanne.ops.contacts.ContactsViewModel;
import com.voxanne.ops.db.ConnectionSettings;
import com.voxanne.ops.db.ConsoleDatabase;
import com.voxanne.ops.demo.DemoOptions;
import com.voxanne.ops.live.Change;
import com.voxanne.ops.live.ChangeFeed;
import com.voxanne.ops.export.ExportService;
import com.voxanne.ops.bundle.InstallationKey;
import com.voxanne.ops.shell.ConnectionCheck;
import com.voxanne.ops.shell.ConnectionStatusViewModel;
import com.voxanne.ops.embedded.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The database server of a signed-in console stops abruptly (SIGQUIT to the postmaster: what
 * {@code pg_ctl stop -m immediate} sends; pg_ctl itself refuses to run as root) while a save waits
 * on a row lock and an export is half written. The banner comes up, what was loaded stays, the
 * save fails in one sentence with the typed text kept, the export leaves no file, and when the
 * server is back the console reconnects by itself, the live feed catches up, and the same save goes
 * through. Runs on its own embedded server, so the shared one is never stopped.
 */
class ServerStopTest {

    private static final DemoOptions DEMO = new DemoOptions(23, 900, TestWorkspace.ANCHOR);
    private static final String ORG = "Harley Street Dental Clinic";

    @Test
    void theConsoleOutlivesAnImmediateStopAndReconnectsByItself() throws Exception {
        Path dir = TestWorkspace.root().resolve("server-stop-" + UUID.randomUUID());
        int port = TestWorkspace.freePort();
        EmbeddedServer server = EmbeddedServer.start(dir, port, DEMO);
        EmbeddedServer.DemoLogin login = server.demoLogins().stream()
                .filter(l -> l.organization().equals(ORG) && l.role().equals("manager")).findFirst().orElseThrow();
        ExecutorService background = Executors.newCachedThreadPool(daemon("stop-background"));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemon("stop-heartbeat"));
        try (ConsoleDatabase db = ConsoleDatabase.open(new ConnectionSettings(server.jdbcUrl(), login.loginRole()),
                login.password().toCharArray(), "stop");
             ChangeFeed feed = new ChangeFeed(() -> db.openDedicated("voxconsole-live"))) {
            UUID org = Jdbi.create(server.ownerDataSource()).withHandle(h -> h.createQuery("select id from organizations where name = :n")
                    .bind("n", ORG).mapTo(UUID.class).one());

            // What the person has on screen: a page of calls, a contact open in the form, the live feed.
            CallsViewModel calls = new CallsViewModel(new CallLogService(db.jdbi()), Runnable::run, Runnable::run, org, ZoneId.of("Europe/London"));
            calls.refresh();
            List<UUID> onScreen = calls.rows().stream().map(c -> c.id()).toList();
            assertThat(onScreen).isNotEmpty();
            ContactsViewModel contacts = new ContactsViewModel(com.voxanne.ops.TestWorkspace.contactService(db.jdbi()), background, Runnable::run, org, true, f -> { });
            contacts.refresh();
            await(() -> !contacts.rows().isEmpty(), 10, "contacts loaded");
            Contact contact = contacts.rows().get(0);
            contacts.selectedProperty().set(contact);
            await(() -> contacts.form().editingProperty().get() != null, 10, "contact in the form");
            LinkedBlockingQueue<UUID> arrived = new LinkedBlockingQueue<>();
            LinkedBlockingQueue<Boolean> feedStatus = new LinkedBlockingQueue<>();
            feed.subscribe(Set.of("calls"), changes -> Change.upserted(changes, "calls").forEach(arrived::add));
            feed.onStatus(feedStatus::add);
            feed.start();
            assertThat(feedStatus.poll(10, TimeUnit.SECONDS)).as("the feed listens").isTrue();

            AtomicInteger reconnects = new AtomicInteger();
            ConnectionStatusViewModel connection = new ConnectionStatusViewModel(new ConnectionCheck(db.dataSource(), server.jdbcUrl()), background, Runnable::run,
                    reconnects::incrementAndGet);
            AtomicLong offlineAt = new AtomicLong();
            connection.onlineProperty().addListener((obs, was, now) -> {
                if (!now) {
                    offlineAt.compareAndSet(0, System.nanoTime());
                }
            });
            scheduler.scheduleWithFixedDelay(connection::checkNow, 0, ConnectionStatusViewModel.HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);

            // A save in flight: another session holds the contact's row, so the save waits in the server.
            Handle holder = Jdbi.create(server.ownerDataSource()).open();
            holder.begin();
            holder.createQuery("select id from contacts where id = :id for update").bind("id", contact.id()).mapTo(UUID.class).one();
            String typed = "Typed while the server went down — " + UUID.randomUUID();
            contacts.form().notesProperty().set(typed);
            contacts.form().save();
            await(() -> contacts.form().savingProperty().get(), 5, "the save started");

            // An export in flight: slowed down page by page so the stop falls in its middle.
            Path exports = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-exports"));
            Path bundle = exports.resolve("half.voxbundle");
            CountDownLatch firstPage = new CountDownLatch(1);
            CompletableFuture<Throwable> export = CompletableFuture.supplyAsync(() -> catchThrowable(() ->
                    new ExportService(db.jdbi(), InstallationKey.loadOrCreate(exports.resolve("key"))).export(
                            CallFilter.NONE.toQuery(org, ZoneId.of("Europe/London"), 20), Map.of(), false, bundle,
                            new ExportService.Origin(login.loginRole(), "Test", ORG, org, "test"), n -> {
                                firstPage.countDown();
                                sleep(150);
                            }, () -> false)), background);
            assertThat(firstPage.await(20, TimeUnit.SECONDS)).as("the export is under way").isTrue();

            long stoppedAt = System.nanoTime();
            stopImmediately(server.serverPid());
            // The lock holder's connection died with the server; closing it can only say so.
            catchThrowable(holder::close);
            server.close();

            await(() -> offlineAt.get() != 0, 20, "the banner");
            double bannerSeconds = (offlineAt.get() - stoppedAt) / 1e9;
            await(() -> !contacts.form().savingProperty().get(), 30, "the save ended");
            assertThat(contacts.form().messageProperty().get()).as("the save says why, in one sentence")
                    .isIn("The connection to the database server at the server was lost.",
                            "Cannot reach the database server at the server: check that it is running and reachable.",
                            "The database server is shutting down or starting up; try again shortly.");
            assertThat(contacts.form().notesProperty().get()).as("and keeps what was typed").isEqualTo(typed);
            Throwable exportFailure = export.get(60, TimeUnit.SECONDS);
            assertThat(exportFailure).as("the export fails").isNotNull();
            try (var left = Files.list(exports)) {
                assertThat(left.map(p -> p.getFileName().toString())).as("and leaves no part of a bundle behind").containsExactly("key");
            }

            // Offline: what was loaded stays, and asking for more says why instead of clearing it.
            calls.apply(CallFilter.NONE.withText("refund"));
            assertThat(calls.errorProperty().get()).isNotBlank().doesNotContain("\n");
            assertThat(calls.rows().stream().map(c -> c.id()).toList()).as("the log still shows what it had").isEqualTo(onScreen);
            assertThat(connection.onlineProperty().get()).isFalse();
            assertThat(feedStatus.poll(10, TimeUnit.SECONDS)).as("the feed noticed").isFalse();

            // The server comes back on the same port: a call committed before the console's feed is back is caught up.
            long restarting = System.nanoTime();
            try (EmbeddedServer again = EmbeddedServer.start(dir, port, DEMO)) {
                UUID whileAway = insertCall(again, org);
                await(() -> connection.onlineProperty().get(), 30, "back online");
                double reconnectSeconds = (System.nanoTime() - restarting) / 1e9;
                // The heartbeat's thread sets "online" and then runs the reconnect: wait for the second too.
                await(() -> reconnects.get() > 0, 10, "the reconnect");
                assertThat(reconnects.get()).as("the reconnect refreshes the screen once").isEqualTo(1);
                assertThat(poll(arrived, whileAway, 30)).as("the call committed before the feed was back").isTrue();
                UUID live = insertCall(again, org);
                assertThat(poll(arrived, live, 15)).as("and the live feed works again").isTrue();

                contacts.form().save();
                await(() -> !contacts.form().savingProperty().get() && !contacts.form().messageProperty().get().isEmpty(), 20, "the retried save");
                assertThat(contacts.form().messageProperty().get()).isEqualTo("Saved.");
                String stored = Jdbi.create(again.ownerDataSource()).withHandle(h -> h.createQuery("select notes from contacts where id = :id")
                        .bind("id", contact.id()).mapTo(String.class).one());
                assertThat(stored).as("nothing typed was lost").isEqualTo(typed);
                System.out.printf("server stop: banner after %.2f s; the save and the export failed in one sentence, no partial file;"
                        + " back online %.1f s after the restart began; live feed caught up%n", bannerSeconds, reconnectSeconds);
            }
        } finally {
            scheduler.shutdownNow();
            background.shutdownNow();
        }
    }

    // Helpers -------------------------------------------------------------------------------------

    /** SIGQUIT: the postmaster tells every backend to exit at once, no checkpoint (pg_ctl stop -m immediate). */
    private static void stopImmediately(long postmaster) throws Exception {
        Process kill = new ProcessBuilder("kill", "-QUIT", Long.toString(postmaster)).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
        ProcessHandle.of(postmaster).ifPresent(p -> p.onExit().orTimeout(30, TimeUnit.SECONDS).join());
    }

    private static UUID insertCall(EmbeddedServer server, UUID org) {
        return Jdbi.create(server.ownerDataSource()).withHandle(h -> h.createQuery("""
                        insert into calls (org_id, call_direction, from_number, to_number, status, caller_name, duration_seconds)
                        values (:o, 'inbound', '+447700900001', '+442079460000', 'in_progress', 'Server Stop Caller', 42)
                        returning id""").bind("o", org).mapTo(UUID.class).one());
    }

    private static boolean poll(LinkedBlockingQueue<UUID> queue, UUID wanted, int seconds) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (UUID next; System.nanoTime() < until; ) {
            next = queue.poll(500, TimeUnit.MILLISECONDS);
            if (wanted.equals(next)) {
                return true;
            }
        }
        return false;
    }

    private static void await(BooleanSupplier condition, int seconds, String what) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("waited " + seconds + " s for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
