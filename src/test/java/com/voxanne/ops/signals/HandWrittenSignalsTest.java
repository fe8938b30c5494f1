package com.voxanne.ops.signals;

import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestWorkspace;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hand-written calls, in words the demo generator never uses, written as the platform would
 * (rows in its tables, read by the console's trigger), in a week after the demo's history:
 * each rule of docs/SIGNALS.md fires where it should, with its evidence, and stays quiet on the
 * near misses (a booking made as said, a call back the caller arranged, a follow-up in time, a
 * call still young). Asked as the organization's manager, under row-level security.
 */
class HandWrittenSignalsTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** Monday 1 March 2027, a week of its own. */
    private static final LocalDateTime MONDAY = LocalDateTime.of(2027, 3, 1, 9, 0);
    private static final Instant AS_OF = MONDAY.plusDays(9).atZone(LONDON).toInstant();
    private static final String MARK = "hand-written signals test";

    private static PlatformRows rows;
    private static UUID org;
    private static Map<String, UUID> calls = new java.util.HashMap<>();
    private static Map<UUID, List<Signal>> found;

    @BeforeAll
    static void writeTheWeek() {
        org = TestWorkspace.orgId("Harley Street Dental Clinic");
        rows = new PlatformRows(TestWorkspace.owner(), org, MARK, LONDON);
        UUID priya = contact("Priya", "Raman", "+447700950001");
        UUID tom = contact("Tom", "Okafor", "+447700950002");
        UUID ines = contact("Ines", "Duarte", "+447700950003");
        UUID kasia = contact("Kasia", "Nowak", "+447700950004");
        UUID ben = contact("Ben", "Hale", "+447700950005");
        UUID lena = contact("Lena", "Fisher", "+447700950006");
        UUID omar = contact("Omar", "Haddad", "+447700950007");

        call("lost", priya, "+447700950001", at(0, 10, 0), 140, "completed", null, null,
                "User: Hiya, can I get a hygienist visit this week?\nAI: Okay Priya, I've booked you in with our hygienist on Wednesday at 11:15 am.");
        call("as said", tom, "+447700950002", at(0, 10, 30), 150, "completed", null, null,
                "User: Morning, a filling please.\nAI: Sure thing. Your appointment is confirmed for the 3rd of March at 2:45 pm.");
        appointment(tom, at(0, 10, 32), LocalDateTime.of(2027, 3, 3, 14, 45), "scheduled");
        call("moved", ines, "+447700950003", at(0, 11, 0), 120, "completed", null, null,
                "User: Is there anything tomorrow?\nAI: Yes. That's confirmed for quarter past nine tomorrow, Ines.");
        appointment(ines, at(0, 11, 5), LocalDateTime.of(2027, 3, 2, 10, 15), "scheduled");
        call("nobody", null, "+447700950099", at(0, 11, 30), 90, "completed", null, null,
                "Customer: I'm not registered with you.\nBot: No problem at all, see you on Friday at noon!");
        call("vague", kasia, "+447700950004", at(0, 12, 0), 80, "completed", null, null,
                "AI: You're booked in, and someone will text you the exact time.");
        appointment(kasia, at(0, 12, 1), LocalDateTime.of(2027, 3, 4, 9, 0), "scheduled");

        call("first ring", ben, "+447700950005", at(1, 9, 0), 100, "completed", null, null, "AI: Thanks Ben, the team will look at it.");
        call("second ring", ben, "+447700950005", at(1, 14, 0), 100, "completed", null, null, "User: Me again, nobody has rung me.");
        call("will ring back", lena, "+447700950006", at(1, 9, 30), 100, "completed", null, null,
                "User: I'll give you a ring back once I've checked with my wife.\nAI: Of course.");
        call("rang back", lena, "+447700950006", at(1, 16, 0), 100, "completed", null, null, "User: Hi, we'd like to go ahead.");

        call("hot, forgotten", priya, "+447700950001", at(3, 10, 0), 200, "completed", "positive", "medium", "AI: Lovely to hear you're keen.");
        alert("hot, forgotten", priya, at(3, 10, 4), 93);
        call("hot, rung", tom, "+447700950002", at(2, 11, 0), 200, "completed", "positive", "medium", "AI: I'll pass this on straight away.");
        alert("hot, rung", tom, at(2, 11, 3), 88);
        call("ringing tom", tom, "+447700950002", at(2, 14, 0), 240, "completed", "positive", "low", "AI: Hello Tom, calling back as promised.",
                "outbound");

        call("angry, left", ines, "+447700950003", at(3, 10, 0), 300, "completed", "negative", "critical", "User: This is a disgrace.");
        call("angry, seen", kasia, "+447700950004", at(3, 10, 30), 300, "completed", "negative", "high", "User: I was overcharged.");
        appointment(kasia, at(4, 9, 0), LocalDateTime.of(2027, 3, 8, 9, 0), "scheduled");

        call("cut off", ben, "+447700950005", at(4, 15, 0), 12, "completed", null, null, "AI: Hello, you're through to the");
        call("stuck", lena, "+447700950006", at(4, 15, 30), null, "in_progress", null, null, "AI: Hello.");
        call("no-show", omar, "+447700950007", at(4, 16, 0), 100, "completed", null, null, "AI: You're all set for next Tuesday at 10am.");
        appointment(omar, at(4, 16, 1), LocalDateTime.of(2027, 3, 9, 10, 0), "no-show");

        SignalService service = new SignalService(TestWorkspace.as("harley", "manager").jdbi());
        found = service.ofCalls(org, calls.values(), AS_OF);
    }

    @AfterAll
    static void removeTheWeek() {
        rows.remove();
    }

    private static Set<SignalKind> kinds(String call) {
        return found.getOrDefault(calls.get(call), List.of()).stream().map(Signal::kind).collect(Collectors.toSet());
    }

    private static String evidence(String call, SignalKind kind) {
        return found.get(calls.get(call)).stream().filter(s -> s.kind() == kind).findFirst().orElseThrow().evidence();
    }

    @Test
    void aBookingTheAgentClaimedMustExistAtTheTimeItSaid() {
        assertThat(kinds("lost")).containsExactly(SignalKind.BOOKING_NOT_FOUND);
        assertThat(evidence("lost", SignalKind.BOOKING_NOT_FOUND)).contains("I've booked you in with our hygienist on Wednesday at 11:15 am");
        assertThat(kinds("as said")).as("made as said").isEmpty();
        assertThat(kinds("moved")).containsExactly(SignalKind.BOOKING_MISMATCH);
        assertThat(evidence("moved", SignalKind.BOOKING_MISMATCH)).contains("Tue 2 Mar 09:15").contains("Tue 2 Mar 10:15");
        assertThat(kinds("nobody")).containsExactly(SignalKind.BOOKING_NOT_FOUND);
        assertThat(evidence("nobody", SignalKind.BOOKING_NOT_FOUND)).contains("no contact is linked");
        assertThat(kinds("vague")).as("an unreadable claim with an appointment: neither a match nor a mismatch").isEmpty();
        assertThat(kinds("no-show")).containsExactly(SignalKind.NO_SHOW_AFTER_BOOKING);
    }

    @Test
    void aCallerRingingAgainIsARepeatUnlessTheyArrangedIt() {
        assertThat(kinds("first ring")).containsExactly(SignalKind.REPEAT_CALL);
        Signal repeat = found.get(calls.get("first ring")).get(0);
        assertThat(repeat.relatedCallId()).isEqualTo(calls.get("second ring"));
        assertThat(repeat.evidence()).contains("Tue 2 Mar 14:00").contains("5 hours");
        assertThat(kinds("will ring back")).as("the caller said they would ring back").isEmpty();
    }

    @Test
    void hotLeadsAndUnhappyCallersNeedAFollowUpWithinADay() {
        assertThat(kinds("hot, forgotten")).containsExactly(SignalKind.HOT_LEAD_NO_FOLLOW_UP);
        assertThat(evidence("hot, forgotten", SignalKind.HOT_LEAD_NO_FOLLOW_UP)).contains("lead score 93").contains("+447700950001");
        assertThat(kinds("hot, rung")).as("rung back three hours later").isEmpty();
        assertThat(kinds("angry, left")).containsExactly(SignalKind.UNRESOLVED_NEGATIVE);
        assertThat(kinds("angry, seen")).as("an appointment the next morning").isEmpty();
    }

    @Test
    void aFailedCutOffOrStuckCallIsDropped() {
        assertThat(kinds("cut off")).containsExactly(SignalKind.DROPPED);
        assertThat(evidence("cut off", SignalKind.DROPPED)).contains("12 s");
        assertThat(kinds("stuck")).containsExactly(SignalKind.DROPPED);
        Map<UUID, List<Signal>> young = new SignalService(TestWorkspace.as("harley", "manager").jdbi())
                .ofCalls(org, List.of(calls.get("stuck")), at(4, 16, 0));
        assertThat(young).as("half an hour in progress is no drop yet").isEmpty();
    }

    @Test
    void theSamePeriodAskedAsAPeriodGivesTheSameAnswer() {
        var week = new SignalService(TestWorkspace.as("harley", "manager").jdbi())
                .flagged(org, MONDAY.atZone(LONDON).toInstant(), MONDAY.plusDays(7).atZone(LONDON).toInstant(), Set.of(), AS_OF);
        assertThat(week).extracting(FlaggedCall::callId).containsExactlyInAnyOrderElementsOf(found.keySet());
    }

    // Writing the week, as the platform would ----------------------------------------------------

    private static Instant at(int day, int hour, int minute) {
        return MONDAY.plusDays(day).withHour(hour).withMinute(minute).atZone(LONDON).toInstant();
    }

    private static UUID contact(String first, String last, String phone) {
        return rows.contact(first, last, phone);
    }

    private static void call(String name, UUID contact, String number, Instant at, Integer seconds, String status, String label,
                             String urgency, String transcript) {
        call(name, contact, number, at, seconds, status, label, urgency, transcript, "inbound");
    }

    private static void call(String name, UUID contact, String number, Instant at, Integer seconds, String status, String label,
                             String urgency, String transcript, String direction) {
        calls.put(name, rows.call(contact, number, at, seconds, status, label, urgency, direction, transcript));
    }

    private static void appointment(UUID contact, Instant made, LocalDateTime scheduled, String status) {
        rows.appointment(contact, made, scheduled, status);
    }

    private static void alert(String call, UUID contact, Instant raised, int score) {
        rows.alert(calls.get(call), contact, raised, score);
    }
}
