package com.voxanne.ops.signals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Rows written as the platform writes them (its own tables, the console's triggers reading them),
 * each marked so the test that wrote them removes exactly its own. For the signals' tests.
 */
record PlatformRows(Jdbi owner, UUID org, String mark, ZoneId zone) {

    UUID contact(String first, String last, String phone) {
        return owner.withHandle(h -> h.createQuery("""
                        insert into contacts (org_id, phone, first_name, last_name, lead_status, notes)
                        values (:org, :phone, :first, :last, 'warm', :mark) returning id""")
                .bind("org", org).bind("phone", phone).bind("first", first).bind("last", last).bind("mark", mark)
                .mapTo(UUID.class).one());
    }

    /** A call with the other end's number on the side its direction puts it. */
    UUID call(UUID contact, String number, Instant at, Integer seconds, String status, String label, String urgency, String direction,
              String transcript) {
        boolean in = direction.equals("inbound");
        return owner.withHandle(h -> h.createQuery("""
                        insert into calls (org_id, contact_id, call_direction, from_number, to_number, duration_seconds, status, transcript,
                                           sentiment_label, sentiment_urgency, phone_number, caller_name, created_at, updated_at)
                        values (:org, :contact, :direction, :from, :to, :seconds, :status, :transcript, :label, :urgency, :number, :mark,
                                :at, :at) returning id""")
                .bind("org", org).bind("contact", contact).bind("direction", direction)
                .bind("from", in ? number : "+442079460000").bind("to", in ? "+442079460000" : number)
                .bind("seconds", seconds).bind("status", status).bind("transcript", transcript).bind("label", label)
                .bind("urgency", urgency).bind("number", number).bind("mark", mark).bind("at", at.atOffset(ZoneOffset.UTC))
                .mapTo(UUID.class).one());
    }

    UUID appointment(UUID contact, Instant made, LocalDateTime scheduled, String status) {
        return owner.withHandle(h -> h.createQuery("""
                        insert into appointments (org_id, contact_id, title, scheduled_at, status, notes, created_at, updated_at)
                        values (:org, :contact, 'Check-up', :scheduled, :status, :mark, :made, :made) returning id""")
                .bind("org", org).bind("contact", contact).bind("scheduled", scheduled.atZone(zone).toOffsetDateTime())
                .bind("status", status).bind("mark", mark).bind("made", made.atOffset(ZoneOffset.UTC)).mapTo(UUID.class).one());
    }

    void alert(UUID call, UUID contact, Instant raised, int score) {
        owner.useHandle(h -> h.createUpdate("""
                        insert into hot_lead_alerts (org_id, contact_id, call_id, reason, lead_score, urgency, created_at)
                        values (:org, :contact, :call, :mark, :score, 'high', :raised)""")
                .bind("org", org).bind("contact", contact).bind("call", call).bind("mark", mark).bind("score", score)
                .bind("raised", raised.atOffset(ZoneOffset.UTC)).execute());
    }

    /** Everything this test wrote, children first. */
    void remove() {
        owner.useHandle(h -> {
            h.execute("delete from hot_lead_alerts where reason = ?", mark);
            h.execute("delete from appointments where notes = ?", mark);
            h.execute("delete from calls where caller_name = ?", mark);
            h.execute("delete from contacts where notes = ?", mark);
        });
    }
}
