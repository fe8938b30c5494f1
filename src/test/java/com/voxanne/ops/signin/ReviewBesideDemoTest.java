package com.voxanne.ops.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.bundle.InstallationKey;
import com.voxanne.ops.calls.CallFilter;
import com.voxanne.ops.demo.DemoOptions;
import com.voxanne.ops.export.ExportService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: a bundle opens for offline review while another console has the demo open (its
 * server's lock is never needed), and while another has the review server open too (then on a
 * server of this run only, deleted at the end).
 */
class ReviewBesideDemoTest {

    private static final UUID HARLEY = TestWorkspace.orgId("Harley Street Dental Clinic");

    @Test
    void aBundleOpensWhileOtherConsolesHoldTheDemoAndTheReviewServer() throws Exception {
        Path dir = TestWorkspace.root().resolve("review-beside-" + UUID.randomUUID());
        Path bundle = dir.resolve("negative.voxbundle");
        new ExportService(TestWorkspace.as("harley", "manager").jdbi(), InstallationKey.loadOrCreate(dir.resolve("key")))
                .export(CallFilter.NONE.withSentimentLabels(Set.of("negative")).toQuery(HARLEY, ZoneId.of("Europe/London"), 50), Map.of(), false,
                        bundle, new ExportService.Origin("demo_harley_manager", "Anna", "Harley Street Dental Clinic", HARLEY, "test"), n -> { }, () -> false);
        Path workspace = dir.resolve("data/workspace");
        Path cache = dir.resolve("cache");
        SignInService demoConsole = new SignInService(workspace, cache, DemoOptions.defaults().withCalls(200));
        SignInService reviewer = new SignInService(workspace, cache, DemoOptions.defaults().withCalls(200));
        SignInService secondReviewer = new SignInService(workspace, cache, DemoOptions.defaults().withCalls(200));
        SignedIn first = null;
        SignedIn second = null;
        try {
            demoConsole.workspace(n -> { });
            first = reviewer.signInToBundle(bundle, n -> { });
            assertThat(first.session().orgName()).isEqualTo("Harley Street Dental Clinic");
            assertThat(reviewer.reviewServer().jdbcUrl()).as("not the demo's server").isNotEqualTo(demoConsole.workspace(n -> { }).jdbcUrl());
            second = secondReviewer.signInToBundle(bundle, n -> { });
            assertThat(second.session().orgName()).isEqualTo("Harley Street Dental Clinic");
            assertThat(cache.resolve("review-" + ProcessHandle.current().pid())).as("a review server of this run only").isDirectory();
        } finally {
            for (SignedIn s : new SignedIn[] {first, second}) {
                if (s != null) {
                    s.database().close();
                }
            }
            secondReviewer.shutdown();
            reviewer.shutdown();
            demoConsole.shutdown();
        }
        assertThat(Files.exists(cache.resolve("review-" + ProcessHandle.current().pid()))).as("deleted at the end").isFalse();
    }
}
