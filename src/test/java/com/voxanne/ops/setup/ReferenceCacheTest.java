package com.voxanne.ops.setup;

import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The reference cache: fetched once, refreshed cheaply, private, never torn, never someone else's. */
class ReferenceCacheTest {

    private static final UUID HARLEY = TestWorkspace.orgId("Harley Street Dental Clinic");

    private static ReferenceCache cacheIn(Path dir, String login) {
        return new ReferenceCache(dir, TestWorkspace.get().jdbcUrl(), session(HARLEY, login));
    }

    static com.voxanne.ops.records.ConsoleSession session(UUID org, String login) {
        return CacheWriterMain.session(org, login);
    }

    @Test
    void fetchesOnceRefreshesOnlyWhenSomethingChangedAndWorksWithTheServerDown() throws Exception {
        Path dir = TestWorkspace.root().resolve("cache-" + UUID.randomUUID());
        Jdbi user = TestWorkspace.as("harley", "admin").jdbi();
        ReferenceService service = new ReferenceService(user, cacheIn(dir, "demo_harley_admin"), com.voxanne.ops.TestWorkspace.columns());
        assertThat(service.cached()).isEmpty();
        ReferenceSnapshot first = service.refresh();
        assertThat(first.agents()).hasSize(2);
        assertThat(first.knowledgeBaseTitles()).contains("Opening hours");
        assertThat(first.integrations()).isNotEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cacheIn(dir, "demo_harley_admin").file()))).isEqualTo("rw-------");

        ReferenceSnapshot unchanged = service.refresh();
        assertThat(unchanged.fetchedAt()).as("nothing changed: no rows pulled").isEqualTo(first.fetchedAt());
        assertThat(unchanged.checkedAt()).isAfterOrEqualTo(first.checkedAt());

        user.useHandle(h -> h.execute("update org_tools set enabled = not enabled where tool_name = 'crm_lookup'"));
        try {
            ReferenceSnapshot changed = service.refresh();
            assertThat(changed.fetchedAt()).isAfter(first.fetchedAt());
            assertThat(changed.orgTools()).isNotEqualTo(first.orgTools());
        } finally {
            user.useHandle(h -> h.execute("update org_tools set enabled = not enabled where tool_name = 'crm_lookup'"));
        }

        Jdbi unreachable = Jdbi.create("jdbc:postgresql://127.0.0.1:1/voxanne", "nobody", "x");
        ReferenceService offline = new ReferenceService(unreachable, cacheIn(dir, "demo_harley_admin"), com.voxanne.ops.TestWorkspace.columns());
        assertThat(offline.cached()).as("shown at once, with no server").isPresent()
                .hasValueSatisfying(s -> assertThat(s.agents()).hasSize(2));
    }

    @Test
    void anotherPersonsOrVersionsOrBrokenCacheIsIgnored() throws Exception {
        Path dir = TestWorkspace.root().resolve("cache-other-" + UUID.randomUUID());
        ReferenceCache mine = cacheIn(dir, "demo_harley_admin");
        new ReferenceService(TestWorkspace.as("harley", "admin").jdbi(), mine, com.voxanne.ops.TestWorkspace.columns()).refresh();
        ReferenceCache theirs = cacheIn(dir, "demo_harley_user");
        Files.createDirectories(theirs.file().getParent());
        Files.copy(mine.file(), theirs.file());
        assertThat(theirs.load()).as("a cache copied from another person").isEmpty();
        assertThat(ReferenceCache.lastKnown(dir, TestWorkspace.get().jdbcUrl(), "demo_harley_user")).as("nor kept for them").isEmpty();
        assertThat(ReferenceCache.lastKnown(dir, TestWorkspace.get().jdbcUrl(), "demo_harley_admin")).as("the owner's, with no server").isPresent();
        ReferenceCache otherOrganization = new ReferenceCache(dir, TestWorkspace.get().jdbcUrl(), session(UUID.randomUUID(), "demo_harley_admin"));
        assertThat(otherOrganization.load()).as("the login now belongs to another organization").isEmpty();

        String json = Files.readString(mine.file());
        Files.writeString(mine.file(), json.replaceFirst("\"appVersion\":\"[^\"]*\"", "\"appVersion\":\"0.0.1-old\""));
        assertThat(mine.load()).as("another app version").isEmpty();
        Files.writeString(mine.file(), json.substring(0, json.length() / 2));
        assertThat(mine.load()).as("a torn file").isEmpty();
    }

    @Test
    void killingTheWriterMidWriteLeavesTheOldOrTheNewVersion() throws Exception {
        Path dir = TestWorkspace.root().resolve("cache-crash-" + UUID.randomUUID());
        ReferenceCache cache = cacheIn(dir, "unused");
        UUID org = UUID.randomUUID();
        ReferenceCache written = new ReferenceCache(dir, "server", session(org, "login"));
        for (int round = 0; round < 8; round++) {
            Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), CacheWriterMain.class.getName(), dir.toString(), org.toString())
                    .redirectErrorStream(true).start();
            var out = new java.io.BufferedReader(new java.io.InputStreamReader(writer.getInputStream()));
            assertThat(out.readLine()).isEqualTo("WRITING");
            Thread.sleep(ThreadLocalRandom.current().nextInt(5, 200));
            writer.destroyForcibly();
            writer.waitFor(10, TimeUnit.SECONDS);
            assertThat(written.load()).as("round %d", round).isPresent().hasValueSatisfying(s -> assertThat(s.knowledgeBaseTitles()).hasSize(2_000));
        }
        assertThat(cache.load()).isEmpty();
    }
}
