package com.voxanne.ops.demo;

import com.voxanne.ops.demo.DemoCallDependants.AppointmentRow;
import com.voxanne.ops.demo.DemoDataGenerator.CallPlan;
import com.voxanne.ops.demo.DemoDataGenerator.CallRow;
import com.voxanne.ops.demo.DemoDataGenerator.ContactRow;
import com.voxanne.ops.demo.DemoDataGenerator.DemoOrg;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Which demo calls the generator meant to carry which signal, from its own plans and never from
 * the database or the calls' words: the bookings it lost or misplaced, the callers it made ring
 * again, the complaints and hot leads it followed up (or not), the appointments it marked no-show,
 * the calls it dropped. What the words say comes from the scenario's declaration
 * ({@link Scenario#claimsBooking()}, {@link Scenario#arrangesCallBack()}, the phrasing drawn),
 * so a test comparing this with the database's answer checks how the database reads the words as
 * well as how it applies the rules (docs/SIGNALS.md).
 */
final class SignalsGroundTruth {

    /** The signal kinds, by the keys the database and the command line use. */
    enum Kind { booking_not_found, booking_mismatch, repeat_call, no_show_after_booking, hot_lead_no_follow_up, unresolved_negative, dropped }

    private static final ZoneId LOCAL = ZoneId.of("Europe/London");

    private record Call(CallPlan plan, CallRow row, Instant ended, UUID contactId, AppointmentRow appointment) {
    }

    private record Booked(Instant createdAt, Instant scheduledAt, String status) {
    }

    private SignalsGroundTruth() {
    }

    /** Per kind, the ids of the calls meant to carry it, with the rules applied at {@code asOf}. */
    static Map<Kind, Set<UUID>> expected(DemoOptions options, Instant asOf) {
        DemoDataGenerator gen = new DemoDataGenerator(options);
        List<DemoOrg> orgs = gen.planOrganizations();
        DemoCallDependants dependants = new DemoCallDependants(gen);
        List<Call> calls = new ArrayList<>();
        Map<String, List<Instant>> inbound = new HashMap<>();
        Map<String, List<Instant>> outbound = new HashMap<>();
        Map<UUID, List<Booked>> bookings = new HashMap<>();
        for (long j = 0; j < options.calls(); j++) {
            CallPlan p = gen.plan(j);
            CallRow row = gen.row(p);
            Instant ended = p.createdAt().plusSeconds(row.durationSeconds() == null ? 0 : row.durationSeconds());
            UUID contactId = p.contact() >= 0 ? gen.contactId(p.org(), p.contact()) : null;
            AppointmentRow a = dependants.appointment(p);
            calls.add(new Call(p, row, ended, contactId, a));
            (p.scenario().inbound() ? inbound : outbound).computeIfAbsent(p.org().id() + row.customerPhone(), k -> new ArrayList<>())
                    .add(p.createdAt());
            if (a != null) {
                bookings.computeIfAbsent(contactId, k -> new ArrayList<>()).add(new Booked(a.createdAt(), a.scheduledAt(), a.status()));
            }
        }
        Map<UUID, ContactRow> contacts = new HashMap<>();
        for (DemoOrg org : orgs) {
            for (int i = 0; i < org.contactCount(); i++) {
                contacts.put(gen.contactId(org, i), gen.contactRow(org, i));
            }
        }
        Map<Kind, Set<UUID>> expected = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            expected.put(k, new HashSet<>());
        }
        for (Call c : calls) {
            for (Kind k : kinds(c, asOf, inbound, outbound, bookings, contacts)) {
                expected.get(k).add(c.plan().id());
            }
        }
        return expected;
    }

    /**
     * The near misses the generator planted, by the kind they must not be taken for: a booking
     * made as said, a caller ringing again as they said they would or after the 48 hours, a
     * complaint or a hot lead followed up in time. Values are the ids of the calls concerned.
     */
    static Map<Kind, Set<UUID>> nearMisses(DemoOptions options) {
        DemoDataGenerator gen = new DemoDataGenerator(options);
        gen.planOrganizations();
        DemoCallDependants dependants = new DemoCallDependants(gen);
        Map<Kind, Set<UUID>> near = new EnumMap<>(Kind.class);
        for (Kind k : List.of(Kind.booking_mismatch, Kind.repeat_call, Kind.unresolved_negative, Kind.hot_lead_no_follow_up)) {
            near.put(k, new HashSet<>());
        }
        for (long j = 0; j < options.calls(); j++) {
            CallPlan p = gen.plan(j);
            if (p.scenario().claimsBooking() && p.plant() == DemoDataGenerator.Plant.NONE && dependants.appointment(p) != null) {
                near.get(Kind.booking_mismatch).add(p.id());
            }
            if (p.follows() == null) {
                continue;
            }
            switch (p.follows().kind()) {
                case RETURN_AS_ARRANGED, REPEAT_AFTER_WINDOW -> near.get(Kind.repeat_call).add(p.follows().parentId());
                case FOLLOW_UP -> {
                    CallPlan parent = gen.plan(p.follows().parentIndex());
                    near.get(parent.scenario().hotLead() ? Kind.hot_lead_no_follow_up : Kind.unresolved_negative).add(parent.id());
                }
                default -> { }
            }
        }
        return near;
    }

    private static Set<Kind> kinds(Call c, Instant asOf, Map<String, List<Instant>> inbound, Map<String, List<Instant>> outbound,
                                   Map<UUID, List<Booked>> bookings, Map<UUID, ContactRow> contacts) {
        CallPlan p = c.plan();
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        if (p.createdAt().isAfter(asOf)) {
            return kinds;
        }
        Scenario s = p.scenario();
        String number = p.org().id() + c.row().customerPhone();
        boolean windowClosed = !c.ended().plus(Duration.ofMinutes(30)).isAfter(asOf);
        List<Booked> booked = c.contactId() == null || !p.completed() ? List.of()
                : bookings.getOrDefault(c.contactId(), List.of()).stream()
                        .filter(b -> !b.createdAt().isBefore(p.createdAt()) && !b.createdAt().isAfter(c.ended().plus(Duration.ofMinutes(30))))
                        .toList();
        if (p.completed() && s.claimsBooking() && windowClosed) {
            if (booked.isEmpty()) {
                kinds.add(Kind.booking_not_found);
            } else if (readable(p) && booked.stream().noneMatch(b -> sameMinute(b.scheduledAt(), p.appointmentAt()))) {
                kinds.add(Kind.booking_mismatch);
            }
        }
        if (booked.stream().anyMatch(b -> b.status().equals("no-show"))) {
            kinds.add(Kind.no_show_after_booking);
        }
        if (p.completed() && !s.arrangesCallBack()
                && any(inbound.get(number), t -> t.isAfter(p.createdAt()) && !t.isAfter(c.ended().plus(Duration.ofHours(48))) && !t.isAfter(asOf))) {
            kinds.add(Kind.repeat_call);
        }
        boolean dayPassed = !c.ended().plus(Duration.ofHours(24)).isAfter(asOf);
        boolean followedUp = any(outbound.get(number), t -> t.isAfter(p.createdAt()) && !t.isAfter(c.ended().plus(Duration.ofHours(24)))
                && !t.isAfter(asOf))
                || (c.contactId() != null && bookings.getOrDefault(c.contactId(), List.of()).stream()
                        .anyMatch(b -> !b.createdAt().isBefore(p.createdAt()) && !b.createdAt().isAfter(c.ended().plus(Duration.ofHours(24)))));
        boolean alert = p.completed() && p.contact() >= 0 && (s.hotLead() || s.key().equals("urgent"));
        ContactRow contact = c.contactId() == null ? null : contacts.get(c.contactId());
        boolean madeHot = contact != null && contact.status().equals("hot") && !contact.updated().isBefore(p.createdAt())
                && !contact.updated().isAfter(c.ended().plus(Duration.ofMinutes(30)));
        if ((alert || madeHot) && dayPassed && !followedUp) {
            kinds.add(Kind.hot_lead_no_follow_up);
        }
        if (p.completed() && s.sentimentLabel().equals("negative") && (s.urgency().equals("high") || s.urgency().equals("critical"))
                && dayPassed && !followedUp) {
            kinds.add(Kind.unresolved_negative);
        }
        Integer duration = c.row().durationSeconds();
        if (p.status().equals("failed") || (p.completed() && duration != null && duration < 20)
                || (p.status().equals("in_progress") && !p.createdAt().plus(Duration.ofHours(2)).isAfter(asOf))) {
            kinds.add(Kind.dropped);
        }
        return kinds;
    }

    /** Whether the claim names its time: the agent's claims do, but for the phrasing that names none; the summaries' always do. */
    private static boolean readable(CallPlan p) {
        return !p.scenario().turns().stream().anyMatch(t -> t.text().contains("{claim}")) || Math.floorMod(p.phrasing(), ClaimPhrasing.WAYS) != 7;
    }

    private static boolean sameMinute(Instant a, Instant b) {
        return a.atZone(LOCAL).truncatedTo(ChronoUnit.MINUTES).toLocalDateTime().equals(b.atZone(LOCAL).truncatedTo(ChronoUnit.MINUTES).toLocalDateTime());
    }

    private static boolean any(List<Instant> times, java.util.function.Predicate<Instant> test) {
        return times != null && times.stream().anyMatch(test);
    }
}
