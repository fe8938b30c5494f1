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
        var m = new AppointmentsViewModel(new AppointmentService(TestWorkspace.as("brightside", role).jdbi()), Runnable::run, Runnable::run,
                ORG, LONDON, TestWorkspace.ANCHOR, edits, opened::add);
        m.spanProperty().set(CalendarSpan.MONTH);
        return m;
    }

    private static AgendaEntry firstScheduled(AppointmentsViewModel m) {
        return m.entries().stream().filter(e -> e.status().equals("scheduled")).findFirst().orElseThrow();
    }

    @Test
    void aMonthShowsItsAppointmentsInOrderAndStepsByMonth() {
        AppointmentsViewModel m = as("user");
        assertThat(m.title().get()).isEqualTo("November 2026");
        assertThat(m.entries()).isNotEmpty().allMatch(e -> e.scheduledAt().atZone(LONDON).getMonthValue() == 11);
        assertThat(m.entries()).isSortedAccordingTo(java.util.Comparator.comparing(AgendaEntry::scheduledAt));
        m.previous();
        assertThat(m.title().get()).isEqualTo("October 2026");
        assertThat(m.entries()).isNotEmpty().allMatch(e -> e.scheduledAt().atZone(LONDON).getMonthValue() == 10);

        m.anchorProperty().set(LocalDate.of(2026, 10, 15));
        m.spanProperty().set(CalendarSpan.WEEK);
        assertThat(m.title().get()).isEqualTo("Week of 12 Oct – 18 Oct 2026");
        assertThat(m.entries()).isNotEmpty().allMatch(e -> {
            LocalDate day = e.scheduledAt().atZone(LONDON).toLocalDate();
            return !day.isBefore(LocalDate.of(2026, 10, 12)) && !day.isAfter(LocalDate.of(2026, 10, 18));
        });
    }

    @Test
    void aManagerReschedulesAndAddsNotesAndTheBookingCallIsFound() {
        AppointmentsViewModel m = as("manager");
        AgendaEntry e = firstScheduled(m);
        m.selectedProperty().set(e);
        assertThat(m.bookingCallProperty().get()).isPresent();
        assertThat(m.canSave().get()).as("nothing changed yet").isFalse();
        m.editTimeProperty().set("7:45");
        m.editNotesProperty().set("Asked for the first slot of the day.");
        assertThat(m.canSave().get()).isTrue();
        m.save();
        assertThat(m.messageProperty().get()).isEqualTo("Saved.");
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

        first.editStatusProperty().set("cancelled");
        first.save();
        assertThat(first.messageProperty().get()).isEqualTo("Saved.");

        second.editNotesProperty().set("Bring the referral letter.");
        second.save();
        assertThat(second.conflictProperty().get()).isTrue();
        assertThat(second.messageProperty().get()).startsWith("Someone else changed this appointment after you opened it.");
        assertThat(second.editNotesProperty().get()).as("the typed note is kept").isEqualTo("Bring the referral letter.");
        String notesInDb = TestWorkspace.owner().withHandle(h -> h.createQuery("select coalesce(notes, '') from appointments where id = :id")
                .bind("id", e.id()).mapTo(String.class).one());
        assertThat(notesInDb).doesNotContain("referral");

        second.reload();
        assertThat(second.editStatusProperty().get()).isEqualTo("cancelled");
        assertThat(second.conflictProperty().get()).isFalse();
    }

    @Test
    void aUserCannotSaveAndTheDatabaseRefusesIfTried() {
        AppointmentsViewModel m = as("user");
        AgendaEntry e = firstScheduled(m);
        m.selectedProperty().set(e);
        m.editStatusProperty().set("no-show");
        assertThat(m.mayEdit()).isFalse();
        assertThat(m.canSave().get()).isFalse();
        m.save();
        assertThat(m.messageProperty().get()).isEqualTo("You are not allowed to do that: your role does not have the right.");
        assertThat(m.editStatusProperty().get()).isEqualTo("no-show");
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
        m.editTimeProperty().set("25:99");
        assertThat(m.timeProblem().get()).isEqualTo("Write the time as hours and minutes, for example 9:30 or 14:00.");
        assertThat(m.canSave().get()).isFalse();
    }

    @Test
    void contactsWithEarlierNoShowsOrUnhappyCallsAreFlagged() {
        AppointmentService service = new AppointmentService(TestWorkspace.as("brightside", "user").jdbi());
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
