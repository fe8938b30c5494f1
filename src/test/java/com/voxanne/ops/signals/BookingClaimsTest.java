package com.voxanne.ops.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, the first piece: booking claims in the phrasings real transcripts use, read against
 * the call's day (here Monday 30 November 2026), and hand-written so the rules are not tuned to
 * the demo generator's sentences. A claim whose time cannot be read stays unreadable.
 */
class BookingClaimsTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    private static LocalDateTime when(String agent) {
        return BookingClaims.find(List.of(agent), MONDAY).orElseThrow().when().orElseThrow();
    }

    @Test
    void thePhrasingsOfTheIssueAreReadAgainstTheCallsDay() {
        assertThat(when("Lovely. You're booked in for Thursday 3 December at 1:00 pm.")).isEqualTo("2026-12-03T13:00");
        assertThat(when("Great, I've put you down for Tuesday the 8th at 3pm.")).isEqualTo("2026-12-08T15:00");
        assertThat(when("Perfect, see you on Tuesday the 8th at 3pm!")).isEqualTo("2026-12-08T15:00");
        assertThat(when("That's confirmed for 15:00 tomorrow.")).isEqualTo("2026-12-01T15:00");
        assertThat(when("I've booked you in for half past two on Friday.")).isEqualTo("2026-12-04T14:30");
        assertThat(when("You're booked in for tomorrow at 10.")).isEqualTo("2026-12-01T10:00");
        assertThat(when("You're all set for next Monday at quarter to four.")).isEqualTo("2026-12-07T15:45");
        assertThat(when("Your appointment is confirmed for the 2nd of January at noon.")).isEqualTo("2027-01-02T12:00");
        assertThat(when("See you on December 14th at 9.30 am.")).isEqualTo("2026-12-14T09:30");
    }

    @Test
    void aWeekdayNamedOnThatWeekdayIsTheNextOneAndADateIsNeverBeforeTheCall() {
        assertThat(when("You're booked in for Monday at ten o'clock.")).as("said on a Monday: a week on").isEqualTo("2026-12-07T10:00");
        assertThat(when("See you on 3 November at 2pm.")).as("3 November has passed: next year's").isEqualTo("2027-11-03T14:00");
    }

    @Test
    void theTimeMayBeInTheSentenceBeforeTheClaim() {
        assertThat(when("Thursday at 1 pm it is. You're booked in.")).isEqualTo("2026-12-03T13:00");
    }

    @Test
    void aClaimWithoutAReadableTimeIsUnreadableAndAnOfferIsNoClaim() {
        var vague = BookingClaims.find(List.of("You're booked in for later this week, we'll text you the time."), MONDAY).orElseThrow();
        assertThat(vague.readable()).isFalse();
        assertThat(BookingClaims.find(List.of("I have Thursday at 1:00 pm available. Would that suit you?"), MONDAY)).isEmpty();
        assertThat(BookingClaims.find(List.of("Of course, I'll call you back tomorrow."), MONDAY)).isEmpty();
    }

    @Test
    void theLastClaimOfTheCallCounts() {
        var claim = BookingClaims.find(List.of("You're booked in for Thursday at 2pm.", "Sorry, let me change that.",
                "Right, you're booked in for Friday at 11 am instead."), MONDAY).orElseThrow();
        assertThat(claim.when()).contains(LocalDateTime.parse("2026-12-04T11:00"));
    }
}
