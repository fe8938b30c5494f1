package com.voxanne.ops.signals;

import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestWorkspace;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The signals are kept as the platform writes (migration V8), so each write that changes a
 * signal must change what is kept: an appointment made late, moved or deleted, a later call and
 * its deletion, an alert and the follow-up that answers it, a call that ends. And whatever the
 * writes, what is kept is what the rules find from scratch. Asked as the organization's manager.
 */
class KeptSignalsTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** Monday 5 April 2027, after the demo's history and the hand-written week. */
    private static final LocalDateTime MONDAY = LocalDateTime.of(2027, 4, 5, 9, 0);
    private static final String MARK = "kept signals test";

    private static Jdbi owner;
    private static UUID org;
    private static SignalService signals;
    private static PlatformRows rows;

    @BeforeAll
    static void connect() {
        owner = TestWorkspace.owner();
        org = TestWorkspace.orgId("Harley Street Dental Clinic");
        signals = new SignalService(TestWorkspace.as("harley", "manager").jdbi());
        rows = new PlatformRows(owner, org, MARK, LONDON);
    }

    @AfterAll
    static void removeTheRows() {
        rows.remove();
    }

    @Test
    void anAppointmentMadeMovedOrDeletedChangesTheBookingSignal() {
        UUID contact = contact("+447700960001");
        UUID call = call(contact, "+447700960001", at(0, 10, 0), 120, "completed", null, null, "inbound",
                "AI: Lovely, I've booked you in for Thursday at 3pm.");
        Instant later = at(2, 9, 0);
        assertThat(kinds(call, later)).containsExactly(SignalKind.BOOKING_NOT_FOUND);

        UUID appointment = appointment(contact, at(0, 10, 3), LocalDateTime.of(2027, 4, 8, 15, 0));
        assertThat(kinds(call, later)).as("made as said, three minutes after the call").isEmpty();

        owner.useHandle(h -> h.execute("update appointments set scheduled_at = ? where id = ?",
                LocalDateTime.of(2027, 4, 8, 16, 0).atZone(LONDON).toOffsetDateTime(), appointment));
        assertThat(kinds(call, later)).containsExactly(SignalKind.BOOKING_MISMATCH);

        owner.useHandle(h -> h.execute("delete from appointments where id = ?", appointment));
        assertThat(kinds(call, later)).containsExactly(SignalKind.BOOKING_NOT_FOUND);
    }

    @Test
    void aLaterCallMakesARepeatAndItsDeletionUndoesIt() {
        UUID first = call(null, "+447700960002", at(0, 11, 0), 90, "completed", null, null, "inbound", "AI: Thanks, noted.");
        Instant later = at(3, 9, 0);
        assertThat(kinds(first, later)).isEmpty();

        UUID second = call(null, "+447700960002", at(1, 8, 0), 90, "completed", null, null, "inbound", "User: Me again.");
        assertThat(kinds(first, later)).containsExactly(SignalKind.REPEAT_CALL);
        assertThat(signals.ofCalls(org, List.of(first), later).get(first).get(0).relatedCallId()).isEqualTo(second);
        assertThat(kinds(first, at(0, 12, 0))).as("asked before the second call").isEmpty();

        owner.useHandle(h -> h.execute("delete from calls where id = ?", second));
        assertThat(kinds(first, later)).isEmpty();
    }

    @Test
    void aHotLeadWaitsItsDayAndAFollowUpAnswersIt() {
        UUID contact = contact("+447700960003");
        UUID call = call(contact, "+447700960003", at(0, 14, 0), 200, "completed", "positive", "medium", "inbound", "AI: Great to hear.");
        rows.alert(call, contact, at(0, 14, 4), 91);
        assertThat(kinds(call, at(0, 20, 0))).as("the day is not over").isEmpty();
        assertThat(kinds(call, at(1, 15, 0))).containsExactly(SignalKind.HOT_LEAD_NO_FOLLOW_UP);

        call(contact, "+447700960003", at(0, 17, 0), 300, "completed", "positive", "low", "outbound", "AI: Calling you back as promised.");
        assertThat(kinds(call, at(1, 15, 0))).as("rung back three hours later").isEmpty();
    }

    @Test
    void aCallThatEndsIsNoLongerStuck() {
        UUID call = call(null, "+447700960004", at(0, 16, 0), null, "in_progress", null, null, "inbound", "AI: Hello.");
        Instant later = at(1, 9, 0);
        assertThat(kinds(call, later)).containsExactly(SignalKind.DROPPED);
        owner.useHandle(h -> h.execute("update calls set status = 'completed', duration_seconds = 140 where id = ?", call));
        assertThat(kinds(call, later)).isEmpty();
    }

    @Test
    void aNumberThatRingsOftenChangesOnlyTheCallsSinceItsLastCall() {
        String busy = "+447700960005";
        List<UUID> written = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            written.add(call(null, busy, at(0, 9, 10 * i), 60, "completed", null, null, "inbound", "User: Hello again."));
        }
        List<UUID> touched = owner.withHandle(h -> h.createQuery("select voxconsole.calls_before(:org, 'inbound', :line, :at)")
                .bind("org", org).bind("line", busy).bind("at", at(0, 10, 30).atOffset(ZoneOffset.UTC)).mapTo(UUID.class).list());
        assertThat(touched).as("the calls before the last one already rang again").containsExactly(written.get(5));

        // Written out of order, deleted in the middle: still what the rules find.
        written.add(call(null, busy, at(0, 9, 5), 60, "completed", null, null, "inbound", "User: Earlier, written late."));
        written.add(call(null, busy, at(0, 9, 25), 300, "completed", null, null, "outbound", "AI: Calling you back."));
        owner.useHandle(h -> h.execute("delete from calls where id = ?", written.get(2)));
        owner.useHandle(h -> h.execute("update calls set created_at = created_at + interval '3 hours' where id = ?", written.get(4)));
        assertThat(keptNotAsFound(written)).isEmpty();
        assertThat(kinds(written.get(0), at(2, 9, 0))).containsExactly(SignalKind.REPEAT_CALL);
    }

    @Test
    void whatIsKeptIsWhatTheRulesFindFromScratch() {
        record Kept(UUID callId, String kind, Instant holdsFrom, String evidence) {
        }
        owner.useTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
            String kept = "select call_id, kind, holds_from, evidence from voxconsole.call_signals";
            String fresh = "select call_id, kind, holds_from, evidence from voxconsole.signals_of(array(select id from public.calls))";
            List<Kept> keptOnly = h.createQuery(kept + " except " + fresh).map((rs, ctx) -> new Kept(rs.getObject(1, UUID.class),
                    rs.getString(2), rs.getObject(3, java.time.OffsetDateTime.class).toInstant(), rs.getString(4))).list();
            List<Kept> freshOnly = h.createQuery(fresh + " except " + kept).map((rs, ctx) -> new Kept(rs.getObject(1, UUID.class),
                    rs.getString(2), rs.getObject(3, java.time.OffsetDateTime.class).toInstant(), rs.getString(4))).list();
            int total = h.createQuery("select count(*) from voxconsole.call_signals").mapTo(Integer.class).one();
            assertThat(total).as("the demo's signals are kept").isGreaterThan(1_000);
            assertThat(keptOnly).as("kept but not found").isEmpty();
            assertThat(freshOnly).as("found but not kept").isEmpty();
        });
    }

    /** The differences, both ways, between what is kept for these calls and what the rules find now. */
    private static List<String> keptNotAsFound(List<UUID> ids) {
        return owner.withHandle(h -> h.createQuery("""
                        (select call_id || ' ' || kind || ' ' || evidence from voxconsole.call_signals where call_id = any(:ids)
                         except select call_id || ' ' || kind || ' ' || evidence from voxconsole.signals_of(:ids))
                        union all
                        (select call_id || ' ' || kind || ' ' || evidence from voxconsole.signals_of(:ids)
                         except select call_id || ' ' || kind || ' ' || evidence from voxconsole.call_signals where call_id = any(:ids))""")
                .bindArray("ids", UUID.class, ids).mapTo(String.class).list());
    }

    // Writing as the platform would ------------------------------------------------------------

    private static Set<SignalKind> kinds(UUID call, Instant asOf) {
        return signals.ofCalls(org, List.of(call), asOf).getOrDefault(call, List.of()).stream().map(Signal::kind)
                .collect(Collectors.toSet());
    }

    private static Instant at(int day, int hour, int minute) {
        return MONDAY.plusDays(day).withHour(hour).withMinute(minute).atZone(LONDON).toInstant();
    }

    private static UUID contact(String phone) {
        return rows.contact("Kept", "Signals", phone);
    }

    private static UUID call(UUID contact, String number, Instant at, Integer seconds, String status, String label, String urgency,
                             String direction, String transcript) {
        return rows.call(contact, number, at, seconds, status, label, urgency, direction, transcript);
    }

    private static UUID appointment(UUID contact, Instant made, LocalDateTime scheduled) {
        return rows.appointment(contact, made, scheduled, "scheduled");
    }
}
