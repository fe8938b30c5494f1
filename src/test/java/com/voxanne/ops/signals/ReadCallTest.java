package com.voxanne.ops.signals;

import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestWorkspace;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How the database reads a call's words for the signals (voxconsole.read_texts, V7): booking claims
 * in the phrasings real transcripts use, read against the call's day (here Monday 30 November
 * 2026), and calls that arrange for the caller to ring again. Hand-written, in phrasings the demo
 * generator does not use, so the rules are not tuned to its sentences.
 */
class ReadCallTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    private static Jdbi db;

    @BeforeAll
    static void server() {
        db = TestWorkspace.owner();
    }

    /** What read_call makes of a transcript and a summary. */
    private record Reading(String words, String source, LocalDateTime claimedFor, boolean callBackArranged) {
    }

    private static Reading read(String transcript, String summary) {
        return db.withHandle(h -> h.createQuery("select claim_words, claim_source, claimed_for, call_back_arranged"
                        + " from voxconsole.read_texts(array[gen_random_uuid()], array[cast(:t as text)], array[cast(:s as text)], array[cast(:d as date)])")
                .bind("d", MONDAY).bind("t", transcript).bind("s", summary)
                .map((rs, ctx) -> new Reading(rs.getString(1), rs.getString(2),
                        rs.getObject(3, LocalDateTime.class), rs.getBoolean(4))).one());
    }

    private static LocalDateTime when(String agent) {
        Reading r = read("AGENT: " + agent, null);
        assertThat(r.words()).as("a claim in: " + agent).isNotNull();
        return r.claimedFor();
    }

    @Test
    void thePhrasingsOfTheIssueAreReadAgainstTheCallsDay() {
        assertThat(when("Lovely. You're booked in for Thursday 3 December at 1:00 pm.")).isEqualTo("2026-12-03T13:00");
        assertThat(when("Great, I've put you down for Tuesday the 8th at 3pm.")).isEqualTo("2026-12-08T15:00");
        assertThat(when("Perfect, see you on Tuesday the 8th at 3pm!")).isEqualTo("2026-12-08T15:00");
        assertThat(when("That's confirmed for 15:00 tomorrow.")).isEqualTo("2026-12-01T15:00");
        assertThat(when("I've booked you in for half past two on Friday.")).isEqualTo("2026-12-04T14:30");
        assertThat(when("You're booked in for tomorrow at 10.")).isEqualTo("2026-12-01T10:00");
        assertThat(when("You\u2019re all set for next Monday at quarter to four.")).isEqualTo("2026-12-07T15:45");
        assertThat(when("Your appointment is confirmed for the 2nd of January at noon.")).isEqualTo("2027-01-02T12:00");
        assertThat(when("See you on December 14th at 9.30 am.")).isEqualTo("2026-12-14T09:30");
        assertThat(when("I have scheduled you for the day after tomorrow at eleven o'clock.")).isEqualTo("2026-12-02T11:00");
        assertThat(when("Your booking is confirmed for this afternoon at 4:15 p.m.")).isEqualTo("2026-11-30T16:15");
    }

    @Test
    void aWeekdayNamedOnThatWeekdayIsTheNextOneAndADateIsNeverBeforeTheCall() {
        assertThat(when("You're booked in for Monday at ten o'clock.")).as("said on a Monday: a week on").isEqualTo("2026-12-07T10:00");
        assertThat(when("See you on 3 November at 2pm.")).as("3 November has passed: next year's").isEqualTo("2027-11-03T14:00");
        assertThat(when("You're booked for Sept 4 at 9am.")).isEqualTo("2027-09-04T09:00");
    }

    @Test
    void theTimeMayBeInTheSentenceBeforeTheClaimAndAWrappedLineContinuesItsTurn() {
        assertThat(when("Thursday at 1 pm it is. You're booked in.")).isEqualTo("2026-12-03T13:00");
        Reading wrapped = read("Assistant: Wonderful, you're booked in for\nFriday at 2:30 pm.\nUser: Thanks!", null);
        assertThat(wrapped.claimedFor()).isEqualTo("2026-12-04T14:30");
    }

    @Test
    void aClaimWithoutAReadableTimeIsUnreadableAndOffersQuestionsAndDenialsAreNoClaims() {
        Reading vague = read("AGENT: You're booked in for later this week, we'll text you the time.", null);
        assertThat(vague.words()).isNotNull();
        assertThat(vague.claimedFor()).as("unreadable, never a match").isNull();
        assertThat(read("AGENT: I have Thursday at 1:00 pm available. Would that suit you?", null).words()).isNull();
        assertThat(read("AGENT: Shall I see you on Tuesday at 3pm?", null).words()).as("a question").isNull();
        assertThat(read("AGENT: I haven't booked you in yet, I'm afraid.", null).words()).as("a denial").isNull();
        assertThat(read("CALLER: You're booked in for Friday, you said?", null).words()).as("the caller's words").isNull();
        assertThat(read("AGENT: Of course, I'll call you back tomorrow.", null).words()).isNull();
    }

    @Test
    void theLastClaimOfTheCallCountsAndTheSummaryAnswersWhenTheAgentClaimsNothing() {
        Reading changed = read("AGENT: You're booked in for Thursday at 2pm.\nCALLER: Sorry, can we change that?\n"
                + "AGENT: Right, you're booked in for Friday at 11 am instead.", null);
        assertThat(changed.claimedFor()).isEqualTo("2026-12-04T11:00");
        Reading summary = read("AGENT: Book it? Certainly.", "The caller wants a crown fitted. Booked for Wednesday 2 December at 9:15 am.");
        assertThat(summary.source()).isEqualTo("summary");
        assertThat(summary.claimedFor()).isEqualTo("2026-12-02T09:15");
        assertThat(read("AGENT: Sorry, that slot has gone.", "No booking was made; the caller will ring another branch.").words()).isNull();
    }

    @Test
    void aCallBackIsArrangedByTheCallerOrAskedForByTheAgentButNotPromisedToTheCaller() {
        assertThat(read("CALLER: Let me check my diary, I'll ring you back this afternoon.", null).callBackArranged()).isTrue();
        assertThat(read("AGENT: If the pain gets worse, please do ring us back straight away.", null).callBackArranged()).isTrue();
        assertThat(read("AGENT: Feel free to call back once you have the reference.", null).callBackArranged()).isTrue();
        assertThat(read("AGENT: Our practice manager will call you back within one working day.", null).callBackArranged())
                .as("the business promised to ring; the caller ringing again means it did not").isFalse();
        assertThat(read("AGENT: Thanks for calling. Goodbye.", null).callBackArranged()).isFalse();
    }
}
