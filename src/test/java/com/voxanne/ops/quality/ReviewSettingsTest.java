package com.voxanne.ops.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.voxanne.ops.db.SaveResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Admins set the sampling, optimistically; everyone else reads it, and a bad value reads as one sentence. */
class ReviewSettingsTest {

    @AfterEach
    void restoreTheDemos() {
        QualityFixture.owner().useHandle(h -> h.execute(
                "update voxconsole.review_settings set sample_percent = 4, always_review = '{booking_mismatch}' where org_id = ?",
                QualityFixture.HARLEY));
    }

    @Test
    void anAdminSetsTheSamplingAndASecondAdminWithAnOldCopyMeetsTheConflict() {
        ReviewSettingsService admin = new ReviewSettingsService(QualityFixture.as("admin"));
        ReviewSettings seen = admin.current();
        assertThat(seen.samplePercent()).isEqualTo(4.0);
        assertThat(seen.alwaysReview()).containsExactly("booking_mismatch");

        SaveResult<ReviewSettings> saved = admin.save(seen, 7.5, List.of("booking_mismatch", "dropped"));
        assertThat(saved).isInstanceOf(SaveResult.Saved.class);
        assertThat(new ReviewSettingsService(QualityFixture.as("user")).current().samplePercent()).isEqualTo(7.5);
        assertThat(admin.save(seen, 1, List.of())).as("saved over a copy read before").isInstanceOf(SaveResult.Conflict.class);
        assertThat(admin.current().alwaysReview()).containsExactly("booking_mismatch", "dropped");

        assertThat(catchThrowable(() -> admin.save(admin.current(), 120, List.of())))
                .hasMessage("The daily sample is a share from 0 to 100 percent.");
        assertThat(catchThrowable(() -> admin.save(admin.current(), 5, List.of("rude_agent"))))
                .hasMessage("Only the console's signals can be marked always reviewed.");
    }

    @Test
    void managersAndUsersReadTheSamplingButDoNotChangeIt() {
        for (String role : List.of("manager", "user")) {
            ReviewSettingsService service = new ReviewSettingsService(QualityFixture.as(role));
            ReviewSettings seen = service.current();
            assertThat(seen.samplePercent()).isEqualTo(4.0);
            Throwable refused = catchThrowable(() -> service.save(seen, 50, List.of()));
            assertThat(refused).as(role).hasMessage("You are not allowed to do that: your role does not have the right.");
        }
    }
}
