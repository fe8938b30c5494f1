package com.voxanne.ops.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.calls.CallFilter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The sentiment charts agree with the calls they summarise, and every drill-down opens exactly those calls. */
class SentimentViewModelTest {

    private static final UUID ORG = TestWorkspace.orgId("Brightside Physiotherapy");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private final List<CallFilter> opened = new ArrayList<>();
    private final SentimentService service = new SentimentService(TestWorkspace.as("brightside", "user").jdbi());

    private SentimentViewModel model(int days) {
        var m = new SentimentViewModel(service, Runnable::run, Runnable::run, ORG, LONDON, TestWorkspace.ANCHOR.minusDays(1), opened::add);
        m.periodProperty().set(SentimentPeriod.lastDays(days, TestWorkspace.ANCHOR.minusDays(1)));
        m.refresh();
        return m;
    }

    @Test
    void theMixCountsEveryLabelledCallOfThePeriodOnce() {
        SentimentViewModel m = model(30);
        var overview = m.overviewProperty().get();
        assertThat(overview.mix()).hasSizeBetween(28, 30);
        long charted = overview.mix().stream().mapToLong(b -> b.positive() + b.neutral() + b.negative()).sum();
        SentimentPeriod p = m.periodProperty().get();
        long actual = TestWorkspace.owner().withHandle(h -> h.createQuery("""
                        select count(*) from calls where org_id = :o and sentiment_label is not null
                        and created_at >= :from and created_at < :to""")
                .bind("o", ORG).bind("from", p.startInstant(LONDON).atOffset(java.time.ZoneOffset.UTC))
                .bind("to", p.endInstant(LONDON).atOffset(java.time.ZoneOffset.UTC)).mapTo(Long.class).one());
        assertThat(charted).isPositive().isEqualTo(actual);
        assertThat(overview.urgencies().stream().mapToLong(SentimentDao.Count::calls).sum()).isEqualTo(actual);
        assertThat(overview.needingAttention()).isNotEmpty().allMatch(c -> c.sentimentScore().doubleValue() < 0.4);
        assertThat(overview.needingAttention().get(0).sentimentUrgency()).isEqualTo("critical");
    }

    @Test
    void longPeriodsAreGroupedByWeek() {
        SentimentViewModel m = model(90);
        assertThat(m.periodProperty().get().weekly()).isTrue();
        assertThat(m.overviewProperty().get().mix()).hasSizeBetween(13, 14)
                .allMatch(b -> b.day().getDayOfWeek() == java.time.DayOfWeek.MONDAY);
    }

    @Test
    void drillDownsOpenTheCallsBehindTheBar() {
        SentimentViewModel m = model(30);
        LocalDate day = m.overviewProperty().get().mix().get(3).day();
        m.showCallsOf(day, "negative");
        assertThat(opened.get(0)).isEqualTo(CallFilter.NONE.between(day, day).withSentimentLabels(Set.of("negative")));

        SentimentViewModel weekly = model(90);
        LocalDate week = weekly.overviewProperty().get().mix().get(2).day();
        weekly.showCallsOf(week, "positive");
        assertThat(opened.get(1).from()).isEqualTo(week);
        assertThat(opened.get(1).to()).isEqualTo(week.plusDays(6));

        m.showCallsWithUrgency("critical");
        assertThat(opened.get(2).urgencies()).containsExactly("critical");
        assertThat(opened.get(2).from()).isEqualTo(m.periodProperty().get().from());
        m.showCallsWith("outbound", "failed");
        assertThat(opened.get(3).directions()).containsExactly("outbound");
        assertThat(opened.get(3).statuses()).containsExactly("failed");
    }
}
