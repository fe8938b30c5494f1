package com.voxanne.ops.calls;

import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestWorkspace;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The calls workspace's view model with same-thread executors: no JavaFX toolkit, a real database under a real login. */
class CallsViewModelTest {

    private static final UUID ORG = TestWorkspace.orgId("Harley Street Dental Clinic");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private final CallLogService service = new CallLogService(TestWorkspace.as("harley", "user").jdbi());

    private CallsViewModel model() {
        return new CallsViewModel(service, Runnable::run, Runnable::run, ORG, LONDON);
    }

    @Test
    void theWindowSlidesDownAndBackUpThroughTheWholeLogHoldingAtMostItsSize() {
        CallsViewModel model = model();
        model.refresh();
        assertThat(model.rows()).hasSize(CallsViewModel.PAGE_SIZE);
        assertThat(model.atHeadProperty().get()).isTrue();
        List<UUID> expected = TestWorkspace.owner().withHandle(h -> h.createQuery(
                "select id from calls where org_id = :o order by created_at desc, id desc").bind("o", ORG).mapTo(UUID.class).list());
        assertThat(expected).as("the test needs more calls than the window holds").hasSizeGreaterThan(CallsViewModel.WINDOW);

        java.util.LinkedHashSet<UUID> seen = new java.util.LinkedHashSet<>();
        model.rows().forEach(r -> seen.add(r.id()));
        while (!model.endReachedProperty().get()) {
            model.loadMore();
            assertThat(model.rows().size()).isLessThanOrEqualTo(CallsViewModel.WINDOW);
            assertWindowIsContiguous(model, expected);
            model.rows().forEach(r -> seen.add(r.id()));
        }
        assertThat(seen).as("every call passed through the window").hasSize(expected.size());
        assertThat(model.atHeadProperty().get()).isFalse();
        assertThat(model.rows().get(model.rows().size() - 1).id()).isEqualTo(expected.get(expected.size() - 1));

        while (!model.atHeadProperty().get()) {
            model.loadNewer();
            assertThat(model.rows().size()).isLessThanOrEqualTo(CallsViewModel.WINDOW);
            assertWindowIsContiguous(model, expected);
        }
        assertThat(model.rows().get(0).id()).isEqualTo(expected.get(0));
        assertThat(model.endReachedProperty().get()).as("the bottom was trimmed on the way up").isFalse();
    }

    private static void assertWindowIsContiguous(CallsViewModel model, List<UUID> expected) {
        int start = expected.indexOf(model.rows().get(0).id());
        assertThat(model.rows().stream().map(CallSummary::id).toList())
                .containsExactlyElementsOf(expected.subList(start, start + model.rows().size()));
    }

    @Test
    void filtersBecomeChipsAndBackRestoresTheOneBefore() {
        CallsViewModel model = model();
        model.refresh();
        model.apply(CallFilter.NONE.withSentimentLabels(Set.of("negative")).withUrgencies(Set.of("critical")));
        assertThat(model.rows()).isNotEmpty().allMatch(r -> r.sentimentLabel().equals("negative") && r.sentimentUrgency().equals("critical"));
        assertThat(model.chips()).extracting(CallFilter.Chip::label).containsExactly("Sentiment: negative", "Urgency: critical");

        model.apply(model.chips().get(1).without());
        assertThat(model.filterProperty().get().urgencies()).isEmpty();
        assertThat(model.rows()).allMatch(r -> r.sentimentLabel().equals("negative"));
        assertThat(model.rows()).anyMatch(r -> !"critical".equals(r.sentimentUrgency()));

        model.back();
        assertThat(model.filterProperty().get().urgencies()).containsExactly("critical");
        model.back();
        model.back();
        assertThat(model.filterProperty().get()).isEqualTo(CallFilter.NONE);
        assertThat(model.canGoBack().get()).isFalse();
    }

    @Test
    void datesAreTheSupervisorsLocalDaysInclusive() {
        CallsViewModel model = model();
        LocalDate day = TestWorkspace.ANCHOR.minusDays(3);
        model.apply(CallFilter.NONE.between(day, day));
        assertThat(model.rows()).isNotEmpty().allMatch(r -> r.createdAt().atZone(LONDON).toLocalDate().equals(day));
        String said = java.time.format.DateTimeFormatter.ofPattern("d MMM", java.util.Locale.UK).format(day);
        assertThat(model.chips()).extracting(CallFilter.Chip::label).as("dates read as everywhere else").containsExactly("Date: " + said);
        model.apply(CallFilter.NONE.between(day.minusDays(1), day));
        assertThat(model.chips()).extracting(CallFilter.Chip::label)
                .containsExactly("Date: " + java.time.format.DateTimeFormatter.ofPattern("d MMM", java.util.Locale.UK).format(day.minusDays(1)) + " – " + said);
    }

    @Test
    void backAfterADrillDownReturnsToTheWorkspaceItCameFromWithTheFilterBefore() {
        CallsViewModel model = model();
        model.apply(CallFilter.NONE.withText("refund"));
        List<String> returnedTo = new java.util.ArrayList<>();
        model.apply(CallFilter.NONE.withUrgencies(java.util.Set.of("critical")), new CallsViewModel.Origin("Sentiment", () -> returnedTo.add("sentiment")));
        assertThat(model.backTextProperty().get()).isEqualTo("Back to Sentiment");
        model.back();
        assertThat(returnedTo).containsExactly("sentiment");
        assertThat(model.filterProperty().get()).as("the log is as it was before the drill-down").isEqualTo(CallFilter.NONE.withText("refund"));
        assertThat(model.backTextProperty().get()).isEqualTo("Back");
        model.back();
        assertThat(returnedTo).as("a filter changed in the log itself goes back in the log").containsExactly("sentiment");
        assertThat(model.filterProperty().get()).isEqualTo(CallFilter.NONE);
    }

    @Test
    void selectingACallLoadsItsDetailsAndTheSearchFindsTheWordInTheTranscript() {
        CallsViewModel model = model();
        model.apply(CallFilter.NONE.withText("refund"));
        assertThat(model.rows()).isNotEmpty();
        assertThat(model.detail().transcriptQueryProperty().get()).as("the log's search carries into the transcript").isEqualTo("refund");
        // A call from a contact with appointments, so opening one of them is really tried.
        java.util.Set<java.util.UUID> withAppointments = new java.util.HashSet<>(TestWorkspace.owner().withHandle(h -> h.createQuery(
                "select distinct contact_id from appointments where org_id = :o").bind("o", ORG).mapTo(java.util.UUID.class).list()));
        model.selectedProperty().set(model.rows().stream().filter(r -> withAppointments.contains(r.contactId())).findFirst().orElseThrow());
        CallDetails details = model.detail().detailsProperty().get();
        assertThat(details).isNotNull();
        assertThat(details.transcript().turns()).isNotEmpty();
        assertThat(details.contact()).isPresent();
        List<Transcript.Match> matches = model.detail().transcriptMatchesProperty().get();
        assertThat(matches).isNotEmpty();
        assertThat(model.detail().matchSummary().get()).isEqualTo("1 of " + matches.size());
        model.detail().previousMatch();
        assertThat(model.detail().currentMatchProperty().get()).isEqualTo(matches.size() - 1);
        model.detail().nextMatch();
        assertThat(model.detail().currentMatchProperty().get()).isZero();
        model.detail().transcriptQueryProperty().set("zebra crossing");
        assertThat(model.detail().matchSummary().get()).isEqualTo("no match");

        assertThat(details.appointments()).allMatch(a -> a.contactId().equals(details.contact().get().id()));
        var openedAppointments = new java.util.ArrayList<com.voxanne.ops.records.Appointment>();
        model.detail().setAppointmentOpener(openedAppointments::add);
        assertThat(details.appointments()).as("the contact's appointments").isNotEmpty();
        model.detail().openAppointment(details.appointments().get(0));
        assertThat(openedAppointments).containsExactly(details.appointments().get(0));

        model.detail().showCallsOfContact();
        assertThat(model.chips()).extracting(CallFilter.Chip::label).containsExactly("Contact: " + details.contact().get().fullName());
        assertThat(model.rows()).isNotEmpty().allMatch(r -> details.contact().get().id().equals(r.contactId()));
    }

    @Test
    void contactSuggestionsMatchPrefixesLiterallyAndFilterTheLog() {
        CallsViewModel model = model();
        var smiths = model.contactSuggestions("Smi");
        assertThat(smiths).isNotEmpty().hasSizeLessThanOrEqualTo(10)
                .allMatch(c -> c.lastName().startsWith("Smi") || c.firstName().startsWith("Smi"));
        assertThat(model.contactSuggestions("+447")).isNotEmpty().allMatch(c -> c.phone().startsWith("+447"));
        assertThat(model.contactSuggestions("S")).as("one letter is not enough to ask").isEmpty();
        assertThat(model.contactSuggestions("%%")).as("wildcards are literal").isEmpty();
        assertThat(model.contactSuggestions("__")).isEmpty();
        assertThat(model.contactSuggestions("\\\\")).isEmpty();
        var chosen = smiths.get(0);
        model.filterByContact(chosen);
        assertThat(model.chips()).extracting(CallFilter.Chip::label).containsExactly("Contact: " + chosen.fullName());
        int theirCalls = TestWorkspace.owner().withHandle(h -> h.createQuery("select count(*) from calls where contact_id = :c")
                .bind("c", chosen.id()).mapTo(Integer.class).one());
        assertThat(model.rows()).hasSize(theirCalls).allMatch(r -> chosen.id().equals(r.contactId()));
    }

    /**
     * Issue 16: "booking not found" from the calls workspace shows exactly the calls the signals
     * find, each with its evidence in the Outcome column, and Back gives the log its filter back.
     */
    @Test
    void aSignalFilterShowsExactlyTheFlaggedCallsWithTheirEvidenceAndBack() {
        var jdbi = TestWorkspace.as("harley", "manager").jdbi();
        var signals = new com.voxanne.ops.signals.SignalService(jdbi);
        var now = java.time.Clock.systemUTC();
        CallsViewModel model = new CallsViewModel(new CallLogService(jdbi, signals, now), Runnable::run, Runnable::run, ORG, LONDON);
        model.refresh();
        CallFilter october = CallFilter.NONE.between(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31));
        model.apply(october.withSignals(Set.of(com.voxanne.ops.signals.SignalKind.BOOKING_NOT_FOUND)));
        List<UUID> expected = signals.flagged(ORG, LocalDate.of(2026, 10, 1).atStartOfDay(LONDON).toInstant(),
                        LocalDate.of(2026, 11, 1).atStartOfDay(LONDON).toInstant(), Set.of(com.voxanne.ops.signals.SignalKind.BOOKING_NOT_FOUND),
                        now.instant()).stream().map(com.voxanne.ops.signals.FlaggedCall::callId).toList();
        while (!model.endReachedProperty().get()) {
            model.loadMore();
        }
        assertThat(model.rows()).extracting(CallSummary::id).hasSizeGreaterThan(5).containsExactlyElementsOf(expected);
        assertThat(model.chips()).extracting(CallFilter.Chip::label).contains("Signal: booking not found");
        assertThat(model.rows()).allSatisfy(r -> {
            var outcome = model.outcomes().get(r.id());
            assertThat(outcome).as("the outcome of %s", r.id()).isNotNull();
            assertThat(outcome.summary()).isEqualTo("No booking");
            assertThat(outcome.signals().get(0).evidence()).containsPattern("^The (agent said|summary says) \"");
        });
        model.back();
        assertThat(model.filterProperty().get()).isEqualTo(CallFilter.NONE);
        assertThat(model.outcomes()).as("the log's first page has its outcomes too").hasSize(model.rows().size());
    }

    @Test
    void aSignalFilterWithoutDatesLooksAtTheLastThirtyDays() {
        CallFilter filter = CallFilter.NONE.withSignals(Set.of(com.voxanne.ops.signals.SignalKind.REPEAT_CALL));
        assertThat(filter.chips()).extracting(CallFilter.Chip::label).containsExactly("Signal: called again (last 30 days)");
        assertThat(filter.chips().get(0).without()).isEqualTo(CallFilter.NONE);
    }

    @Test
    void aResultForAnOlderFilterIsDropped() {
        var held = new java.util.ArrayList<Runnable>();
        Executor later = held::add;
        CallsViewModel model = new CallsViewModel(service, Runnable::run, later, ORG, LONDON);
        model.apply(CallFilter.NONE.withDirections(Set.of("outbound")));
        model.apply(CallFilter.NONE.withDirections(Set.of("inbound")));
        // Deliver the answers in order: the outbound page arrives after the filter moved on. (A page's
        // answer asks for its outcomes, whose answer joins the queue: it is drained, not iterated.)
        while (!held.isEmpty()) {
            held.remove(0).run();
        }
        assertThat(model.rows()).isNotEmpty().allMatch(r -> r.callDirection().equals("inbound"));
    }

    @Test
    void anErrorIsOneSentenceAndTheRowsStay() {
        CallsViewModel model = model();
        model.refresh();
        int shown = model.rows().size();
        var lost = new java.util.concurrent.atomic.AtomicBoolean();
        CallsViewModel failing = new CallsViewModel(new CallLogService(TestWorkspace.as("harley", "user").jdbi()) {
            @Override
            public List<CallSummary> page(CallLogQuery query, com.voxanne.ops.db.Supersedable ticket) {
                if (lost.get()) {
                    throw new com.voxanne.ops.base.UserFacingException("The connection to the database server at test was lost.");
                }
                return super.page(query, ticket);
            }
        }, Runnable::run, Runnable::run, ORG, LONDON);
        failing.refresh();
        List<CallSummary> before = List.copyOf(failing.rows());
        assertThat(before).hasSize(shown);
        lost.set(true);
        failing.refresh();
        assertThat(failing.errorProperty().get()).isEqualTo("The connection to the database server at test was lost.");
        assertThat(failing.rows()).as("what was shown stays").containsExactlyElementsOf(before);
    }
}
