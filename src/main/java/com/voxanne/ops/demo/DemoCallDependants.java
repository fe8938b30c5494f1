package com.voxanne.ops.demo;

import com.voxanne.ops.db.CsvCopy;
import com.voxanne.ops.demo.DemoDataGenerator.CallPlan;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The rows that point at a call (its appointment, tracking and hot lead alert), each re-derived
 * from the call's plan rather than kept from when the call was written, so a million calls never
 * sit in memory and each table can be written by its own connection.
 */
final class DemoCallDependants {

    private final DemoDataGenerator gen;

    DemoCallDependants(DemoDataGenerator gen) {
        this.gen = gen;
    }

    /** The appointment booked on a call, as written. */
    record AppointmentRow(java.util.UUID id, Instant scheduledAt, String status, Instant createdAt, DemoRandom random) {
    }

    /**
     * The appointment call p booked, or null when it booked none, or when the booking was planted
     * as lost (the agent said it booked, the platform never made it). A booking planted as
     * misplaced is made for another time than the agent said: a day later, or an hour or two on.
     */
    AppointmentRow appointment(CallPlan p) {
        if (!p.completed() || !p.scenario().booksAppointment() || p.contact() < 0 || p.plant() == DemoDataGenerator.Plant.LOST_BOOKING) {
            return null;
        }
        DemoRandom r = DemoRandom.of(gen.options().seed(), DemoDataGenerator.APPOINTMENT, p.index());
        java.util.UUID id = r.uuid();
        Instant at = p.appointmentAt();
        if (p.plant() == DemoDataGenerator.Plant.MISPLACED_BOOKING) {
            at = at.plus(DemoRandom.of(gen.options().seed(), DemoDataGenerator.PLANT, p.index(), 1).chance(0.5)
                    ? Duration.ofDays(1) : Duration.ofMinutes(60L * DemoRandom.of(gen.options().seed(), DemoDataGenerator.PLANT, p.index(), 2).between(1, 2)));
        }
        boolean past = at.isBefore(gen.windowEnd());
        String status = past
                ? r.pick(List.of("completed", "completed", "completed", "completed", "completed", "completed", "no-show", "cancelled"))
                : (r.chance(0.1) ? "cancelled" : "scheduled");
        return new AppointmentRow(id, at, status, p.createdAt(), r);
    }

    long writeAppointments(Connection c) throws SQLException {
        try (CsvCopy copy = CsvCopy.into(c, "public.appointments",
                "id, org_id, contact_id, title, description, scheduled_at, duration_minutes, status, location, notes, reminder_sent_at, created_at, updated_at")) {
            for (long j = 0; j < gen.options().calls(); j++) {
                CallPlan p = gen.plan(j);
                AppointmentRow a = appointment(p);
                if (a == null) {
                    continue;
                }
                DemoRandom r = a.random();
                boolean past = a.scheduledAt().isBefore(gen.windowEnd());
                String title = Character.toUpperCase(p.service().name().charAt(0)) + p.service().name().substring(1);
                Instant reminder = a.scheduledAt().minus(Duration.ofDays(1));
                copy.value(a.id()).value(p.org().id()).value(gen.contactId(p.org(), p.contact())).text(title)
                        .text("Booked by phone with " + p.org().agentName() + " (AI agent).")
                        .time(a.scheduledAt()).value(p.service().durationMinutes()).text(a.status())
                        .text(p.org().template().name() + ", " + p.org().template().city())
                        .text("urgent".equals(p.scenario().key()) ? "Emergency slot: see call transcript." : (r.chance(0.15) ? "Caller asked for a reminder text." : null))
                        .time(reminder.isBefore(gen.windowEnd()) && !"cancelled".equals(a.status()) ? reminder : null)
                        .time(a.createdAt()).time(past ? a.scheduledAt().plus(Duration.ofHours(2)) : a.createdAt());
                copy.endRow();
            }
            return copy.finish();
        }
    }

    private static final String[][] UTM = {
        {"google", "cpc", "brand-search"}, {"google", "cpc", "treatments-generic"}, {"facebook", "paid-social", "spring-offer"},
        {"instagram", "paid-social", "before-after"}, {"newsletter", "email", "monthly-update"}, {"bing", "cpc", "brand-search"},
        {"google", "organic", null}, {null, null, null}};

    long writeTracking(Connection c) throws SQLException {
        try (CsvCopy copy = CsvCopy.into(c, "public.call_tracking",
                "id, org_id, call_id, contact_id, tracked_url, utm_source, utm_medium, utm_campaign, device_type, browser, os, ip_address, location, created_at")) {
            for (long j = 0; j < gen.options().calls(); j++) {
                CallPlan p = gen.plan(j);
                DemoRandom r = DemoRandom.of(gen.options().seed(), DemoDataGenerator.TRACKING, j);
                if (!p.scenario().inbound() || !r.chance(0.6)) {
                    continue;
                }
                String[] utm = UTM[r.between(0, UTM.length - 1)];
                String device = r.chance(0.65) ? "mobile" : r.chance(0.85) ? "desktop" : "unknown";
                String[] browserOs = switch (device) {
                    case "mobile" -> r.chance(0.55) ? new String[] {"Safari", "iOS"} : new String[] {"Chrome", "Android"};
                    case "desktop" -> r.chance(0.6) ? new String[] {"Chrome", "Windows"} : new String[] {"Safari", "macOS"};
                    default -> new String[] {null, null};
                };
                String url = "https://www." + p.org().template().domain() + "/book"
                        + (utm[0] == null ? "" : "?utm_source=" + utm[0] + "&utm_medium=" + utm[1] + (utm[2] == null ? "" : "&utm_campaign=" + utm[2]));
                copy.value(r.uuid()).value(p.org().id()).value(p.id()).value(p.contact() >= 0 ? gen.contactId(p.org(), p.contact()) : null)
                        .text(url).text(utm[0]).text(utm[1]).text(utm[2]).text(device).text(browserOs[0]).text(browserOs[1])
                        // Documentation address ranges (RFC 5737): never a real visitor.
                        .text(r.pick(List.of("192.0.2.", "198.51.100.", "203.0.113.")) + r.between(1, 254))
                        .text(p.org().template().city() + ", GB")
                        .time(p.createdAt().minus(Duration.ofMinutes(r.between(1, 30))));
                copy.endRow();
                // Most visits of a booking page end without a call: earlier visits from the same campaign that did not ring.
                int unanswered = r.chance(0.7) ? r.between(1, 3) : 0;
                for (int v = 0; v < unanswered; v++) {
                    copy.value(r.uuid()).value(p.org().id()).value(null).value(null)
                            .text(url).text(utm[0]).text(utm[1]).text(utm[2]).text(device).text(browserOs[0]).text(browserOs[1])
                            .text(r.pick(List.of("192.0.2.", "198.51.100.", "203.0.113.")) + r.between(1, 254))
                            .text(p.org().template().city() + ", GB")
                            .time(p.createdAt().minus(Duration.ofHours(r.between(2, 20 * 24))));
                    copy.endRow();
                }
            }
            return copy.finish();
        }
    }

    long writeAlerts(Connection c) throws SQLException {
        try (CsvCopy copy = CsvCopy.into(c, "public.hot_lead_alerts",
                "id, org_id, contact_id, call_id, reason, lead_score, urgency, acknowledged_at, acknowledged_by, created_at")) {
            for (long j = 0; j < gen.options().calls(); j++) {
                CallPlan p = gen.plan(j);
                if (!p.completed() || p.contact() < 0 || !(p.scenario().hotLead() || "urgent".equals(p.scenario().key()))) {
                    continue;
                }
                DemoRandom r = DemoRandom.of(gen.options().seed(), DemoDataGenerator.ALERT, j);
                boolean hot = p.scenario().hotLead();
                Instant raised = p.createdAt().plusSeconds(60);
                boolean acknowledged = Duration.between(raised, gen.windowEnd()).toDays() > 2 || r.chance(0.3);
                copy.value(r.uuid()).value(p.org().id()).value(gen.contactId(p.org(), p.contact())).value(p.id())
                        .text(hot ? "Caller wants to buy now and asked about the premium package and finance." : "Caller in distress needed an emergency appointment.")
                        .value(hot ? r.between(85, 99) : null).text(hot ? (r.chance(0.3) ? "critical" : "high") : "critical")
                        .time(acknowledged ? raised.plus(Duration.ofMinutes(r.between(2, 90))) : null)
                        .value(acknowledged ? p.org().first("manager").id() : null)
                        .time(raised);
                copy.endRow();
            }
            return copy.finish();
        }
    }
}
