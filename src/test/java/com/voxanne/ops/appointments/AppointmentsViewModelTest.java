package com.voxanne.ops.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.calls.CallFilter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The appointments workspace with same-thread executors: calendar windows, permissions, conflicts, no-show risk. */
class AppointmentsViewModelTest {

    private static final UUID ORG = TestWorkspace.orgId("Brightside Physiotherapy");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private final List<CallFilter> opened = new ArrayList<>();

    private AppointmentsViewModel as(String role) {
        boolean edits = !role.equals("user");
        var m = new AppointmentsViewModel(TestWorkspace.appointmentService(TestWorkspace.as("brightside", role).jdbi()), Runnable::run, Runnable::run,
                ORG, LONDON, TestWorkspace.ANCHOR.plusDays(1), edits, opened::add);
        m.refresh();
        return m;
    }

    private static AgendaEntry firstScheduled(AppointmentsViewModel m) {
        return m.entries().stream().filter(e -> e.status().equals("scheduled")).findFirst().orElseThrow();
    }

    @Test
    void aWeekShowsItsAppointmentsInOrderAndStepsByWeek() {
        AppointmentsViewModel m = as("user");
        assertThat(m.title().get()).isEqualTo("Week of 2 Nov – 8 Nov 2026");
        assertThat(m.entries()).isNotEmpty().allMatch(e -> inRange(e, LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 8)));
        assertThat(m.entries()).isSortedAccordingTo(java.util.Comparator.comparing(AgendaEntry::scheduledAt));
        m.previous();
        assertThat(m.title().get()).isEqualTo("Week of 26 Oct – 1 Nov 2026");
        assertThat(m.entries()).isNotEmpty().allMatch(e -> inRange(e, LocalDate.of(2026, 10, 26), LocalDate.of(2026, 11, 1)));
    }

    @Test
    void aMonthIsAGridOfDaysCountedByStatusAndADayOpensItsAgenda() {
        AppointmentsViewModel m = as("user");
        m.anchorProperty().set(LocalDate.of(2026, 10, 15));
        m.spanProperty().set(CalendarSpan.MONTH);
        assertThat(m.title().get()).isEqualTo("October 2026");
        assertThat(m.entries()).as("a month lists no appointments, it counts them").isEmpty();
        assertThat(m.days()).hasSize(31);
        assertThat(m.days().get(0).day()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(m.days().get(30).day()).isEqualTo(LocalDate.of(2026, 10, 31));

        var expected = new java.util.HashMap<String, Integer>();
        TestWorkspace.owner().useHandle(h -> h.createQuery("""
                        select (scheduled_at at time zone 'Europe/London')::date || ' ' || status as k, count(*)::int as n
                        from appointments where org_id = :o
                          and scheduled_at >= '2026-10-01 00:00 Europe/London' and scheduled_at < '2026-11-01 00:00 Europe/London'
                        group by 1""").bind("o", ORG)
                .map((rs, ctx) -> expected.put(rs.getString("k"), rs.getInt("n"))).list());
        assertThat(expected).as("the demo has appointments in October").isNotEmpty();
        for (DayLoad d : m.days()) {
            assertThat(d.scheduled()).as(d.day() + " scheduled").isEqualTo(expected.getOrDefault(d.day() + " scheduled", 0));
            assertThat(d.completed()).as(d.day() + " completed").isEqualTo(expected.getOrDefault(d.day() + " completed", 0));
            assertThat(d.cancelled()).as(d.day() + " cancelled").isEqualTo(expected.getOrDefault(d.day() + " cancelled", 0));
            assertThat(d.noShows()).as(d.day() + " no-shows").isEqualTo(expected.getOrDefault(d.day() + " no-show", 0));
        }
        int total = m.days().stream().mapToInt(DayLoad::total).sum();
        assertThat(m.monthSummary().get()).startsWith(String.format(java.util.Locale.UK, "%,d appointments this month", total));

        DayLoad busiest = m.days().stream().max(java.util.Comparator.comparingInt(DayLoad::total)).orElseThrow();
        m.openDay(busiest.day());
        assertThat(m.spanProperty().get()).isEqualTo(CalendarSpan.DAY);
        assertThat(m.days()).isEmpty();
        assertThat(m.entries()).hasSize(busiest.total()).allMatch(e -> inRange(e, busiest.day(), busiest.day()));
        m.spanProperty().set(CalendarSpan.MONTH);
        assertThat(m.title().get()).as("back to the same month").isEqualTo("October 2026");
    }

    private static boolean inRange(AgendaEntry e, LocalDate first, LocalDate last) {
        LocalDate day = e.scheduledAt().atZone(LONDON).toLocalDate();
        return !day.isBefore(first) && !day.isAfter(last);
    }

    @Test
    void aManagerReschedulesAndAddsNotesAndTheBookingCallIsFound() {
        AppointmentsViewModel m = as("manager");
        AgendaEntry e = firstScheduled(m);
        m.selectedProperty().set(e);
        assertThat(m.bookingCallProperty().get()).isPresent();
        assertThat(m.form().canSave().get()).as("nothing changed yet").isFalse();
        m.form().timeProperty().set("7:45");
        m.form().notesProperty().set("Asked for the first slot of the day.");
        assertThat(m.form().canSave().get()).isTrue();
        m.form().save();
        assertThat(m.form().messageProperty().get()).isEqualTo("Saved.");
        AgendaEntry saved = m.selectedProperty().get();
        assertThat(saved.scheduledAt().atZone(LONDON).toLocalTime()).isEqualTo(java.time.LocalTime.of(7, 45));
        assertThat(saved.notes()).isEqualTo("Asked for the first slot of the day.");
        assertThat(saved.updatedAt()).isAfter(e.updatedAt());

        m.openBookingCall();
        assertThat(opened).singleElement().satisfies(f -> assertThat(f.contactId()).isEqualTo(e.contactId()));
    }

    @Test
    void theSecondOfTwoSupervisorsIsToldToReloadAndNothingIsOverwritten() {
        AppointmentsViewModel first = as("manager");
        AppointmentsViewModel second = as("admin");
        AgendaEntry e = firstScheduled(first);
        first.selectedProperty().set(e);
        second.selectedProperty().set(second.entries().stream().filter(x -> x.id().equals(e.id())).findFirst().orElseThrow());

        first.form().statusProperty().set("cancelled");
        first.form().save();
        assertThat(first.form().messageProperty().get()).isEqualTo("Saved.");

        second.form().notesProperty().set("Bring the referral letter.");
        second.form().save();
        assertThat(second.form().conflictProperty().get()).isTrue();
        assertThat(second.form().messageProperty().get()).startsWith("Someone else changed this appointment after you opened it.");
        assertThat(second.form().notesProperty().get()).as("the typed note is kept").isEqualTo("Bring the referral letter.");
        String notesInDb = TestWorkspace.owner().withHandle(h -> h.createQuery("select coalesce(notes, '') from appointments where id = :id")
                .bind("id", e.id()).mapTo(String.class).one());
        assertThat(notesInDb).doesNotContain("referral");

        second.form().reload();
        assertThat(second.form().statusProperty().get()).isEqualTo("cancelled");
        assertThat(second.form().conflictProperty().get()).isFalse();
    }

    @Test
    void aUserCannotSaveAndTheDatabaseRefusesIfTried() {
        AppointmentsViewModel m = as("user");
        AgendaEntry e = firstScheduled(m);
        m.selectedProperty().set(e);
        m.form().statusProperty().set("no-show");
        assertThat(m.form().mayEdit()).isFalse();
        assertThat(m.form().canSave().get()).isFalse();
        m.form().save();
        assertThat(m.form().messageProperty().get()).isEqualTo("You are not allowed to do that: your role does not have the right.");
        assertThat(m.form().statusProperty().get()).isEqualTo("no-show");
    }

    @Test
    void openingAnAppointmentFromACallShowsItsDayWithItSelected() {
        AppointmentsViewModel m = as("user");
        AgendaEntry target = m.entries().get(m.entries().size() / 2);
        m.next();
        m.open(target.id(), target.scheduledAt());
        assertThat(m.spanProperty().get()).isEqualTo(CalendarSpan.DAY);
        assertThat(m.anchorProperty().get()).isEqualTo(target.scheduledAt().atZone(LONDON).toLocalDate());
        assertThat(m.selectedProperty().get()).isNotNull().extracting(AgendaEntry::id).isEqualTo(target.id());
    }

    @Test
    void aBadTimeIsExplainedBeforeAnythingIsSent() {
        AppointmentsViewModel m = as("manager");
        m.selectedProperty().set(firstScheduled(m));
        m.form().timeProperty().set("25:99");
        assertThat(m.form().timeProblem().get()).isEqualTo("Write the time as hours and minutes, for example 9:30 or 14:00.");
        assertThat(m.form().canSave().get()).isFalse();
    }

    @Test
    void contactsWithEarlierNoShowsOrUnhappyCallsAreFlagged() {
        AppointmentService service = TestWorkspace.appointmentService(TestWorkspace.as("brightside", "user").jdbi());
        var all = service.between(ORG, LocalDate.of(2020, 1, 1).atStartOfDay(LONDON).toInstant(), LocalDate.of(2030, 1, 1).atStartOfDay(LONDON).toInstant());
        assertThat(all).anyMatch(AgendaEntry::noShowRisk);
        for (AgendaEntry e : all) {
            if (e.noShowRisk()) {
                assertThat(e.status()).isEqualTo("scheduled");
                assertThat(e.earlierNoShows() > 0 || e.recentNegativeCall()).isTrue();
                assertThat(e.riskReason()).startsWith("No-show risk: ");
            }
        }
        AgendaEntry flaggedByNoShow = all.stream().filter(e -> e.earlierNoShows() > 0).findFirst().orElseThrow();
        long noShowsBefore = all.stream().filter(x -> x.contactId().equals(flaggedByNoShow.contactId()) && x.status().equals("no-show")
                && x.scheduledAt().isBefore(flaggedByNoShow.scheduledAt())).count();
        assertThat(flaggedByNoShow.earlierNoShows()).isEqualTo((int) noShowsBefore);
    }
}
