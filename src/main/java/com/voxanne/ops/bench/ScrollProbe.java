package com.voxanne.ops.bench;

import com.voxanne.ops.calls.CallLogService;
import com.voxanne.ops.calls.CallsViewModel;
import com.voxanne.ops.db.ConnectionSettings;
import com.voxanne.ops.db.ConsoleDatabase;
import com.voxanne.ops.records.ProfileDao;
import java.lang.management.ManagementFactory;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Run in a JVM of its own by the suite: signs in (URL, login; password from PGPASSWORD), scrolls the
 * call log's view model down through N rows page by page as the window does, and prints how many
 * rows passed, the resident set and the heap in use. Memory stays flat because the log keeps a
 * window of at most {@value CallsViewModel#WINDOW} rows, whatever the distance scrolled.
 */
public final class ScrollProbe {

    private ScrollProbe() {
    }

    public static void main(String[] args) throws Exception {
        String password = System.getenv("PGPASSWORD");
        int wanted = Integer.parseInt(args[2]);
        try (ConsoleDatabase db = ConsoleDatabase.open(new ConnectionSettings(args[0], args[1]), password.toCharArray(), "scroll-probe")) {
            UUID org = db.jdbi().onDemand(ProfileDao.class).session().orElseThrow().orgId();
            CallsViewModel model = new CallsViewModel(new CallLogService(db.jdbi()), Runnable::run, Runnable::run, org, ZoneId.of("Europe/London"));
            model.refresh();
            Set<UUID> seen = new HashSet<>();
            while (seen.size() < wanted && !model.endReachedProperty().get()) {
                model.rows().forEach(r -> seen.add(r.id()));
                model.loadMore();
                // What a person sees: the selected call's details load as they move through the log.
                if (!model.rows().isEmpty()) {
                    model.selectedProperty().set(model.rows().get(model.rows().size() - 1));
                }
            }
            model.rows().forEach(r -> seen.add(r.id()));
            System.gc();
            var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            System.out.printf("SCROLLED %d RSS_KB %d HEAP_KB %d%n", seen.size(), ChildJvm.rssKb(ProcessHandle.current().pid()), heap.getUsed() / 1024);
        }
    }
}
