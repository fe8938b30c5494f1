package com.voxanne.ops.mvvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 15: pop-ups for new alerts are grouped and rate-limited, never stacked. */
class ToastPlanTest {

    private final Instant t0 = Instant.parse("2026-12-01T09:00:00Z");
    private final ToastPlan<String> plan = new ToastPlan<>(Duration.ofSeconds(20));

    @Test
    void alertsArrivingWhileOneIsShownCountOnInTheSamePopUp() {
        assertThat(plan.arrived("a", t0)).isEqualTo(new ToastPlan.Step.Show<>(List.of("a")));
        assertThat(plan.arrived("b", t0.plusSeconds(2))).isEqualTo(new ToastPlan.Step.Show<>(List.of("a", "b")));
        assertThat(plan.arrived("c", t0.plusSeconds(3))).isEqualTo(new ToastPlan.Step.Show<>(List.of("a", "b", "c")));
        assertThat(plan.showing()).isTrue();
    }

    @Test
    void afterAPopUpHasGoneTheNextWaitsOutTheGapAndGathersWhatArrived() {
        plan.arrived("a", t0);
        plan.hidden(t0.plusSeconds(8));
        Instant quietEnds = t0.plusSeconds(28);
        assertThat(plan.arrived("b", t0.plusSeconds(10))).isEqualTo(new ToastPlan.Step.WaitUntil<>(quietEnds));
        assertThat(plan.arrived("c", t0.plusSeconds(15))).isEqualTo(new ToastPlan.Step.WaitUntil<>(quietEnds));
        assertThat(plan.showing()).isFalse();
        assertThat(plan.due(quietEnds)).isEqualTo(new ToastPlan.Step.Show<>(List.of("b", "c")));
        assertThat(plan.showing()).isTrue();
    }

    @Test
    void anAlertAfterTheGapShowsAtOnceAndAloneWithoutTheOnesAlreadyShown() {
        plan.arrived("a", t0);
        plan.hidden(t0.plusSeconds(8));
        assertThat(plan.arrived("b", t0.plusSeconds(60))).isEqualTo(new ToastPlan.Step.Show<>(List.of("b")));
    }

    @Test
    void askingWhenNothingWaitsShowsNothing() {
        assertThat(plan.due(t0)).isEqualTo(new ToastPlan.Step.Show<>(List.of()));
        assertThat(plan.showing()).isFalse();
    }
}
